using Nacars.Core.Contacts;

namespace Nacars.Core.Triage;

/// <summary>A reporter's file opened by a member of staff: its facts and its decrypted content (dispose it).</summary>
public sealed record OpenedAttachment(ContactAttachment Attachment, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
