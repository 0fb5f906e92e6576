namespace Nacars.Core.ForceFeedback;

/// <summary>A file from a force's email opened by a member of staff: its facts and its decrypted content (dispose it).</summary>
public sealed record OpenedReplyAttachment(ForceReplyAttachment Attachment, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
