namespace Nacars.Core.Intake.Attachments;

/// <summary>An attachment being written: invisible to readers until committed, and gone if disposed uncommitted.</summary>
public interface IPendingAttachment : IAsyncDisposable
{
    string Key { get; }
    /// <summary>Write-only, forward-only; encrypts as it goes.</summary>
    Stream Content { get; }
    /// <summary>Seals the content and makes the attachment visible under <see cref="Key"/> in one atomic step.</summary>
    Task CommitAsync(CancellationToken ct = default);
}
