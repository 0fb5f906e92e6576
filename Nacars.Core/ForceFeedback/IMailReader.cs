namespace Nacars.Core.ForceFeedback;

/// <summary>Reads one raw message (RFC 5322 bytes, as IMAP fetched them) into what the service keeps of it. The
/// Workbench's reader parses it in a separate, limited process: a message is hostile input like a reporter's file.</summary>
public interface IMailReader
{
    /// <exception cref="UnreadableMailException">The message could not be read (too large, malformed past repair, or the
    /// reading process failed); it is recorded as unreadable so it is neither lost nor read again forever.</exception>
    Task<ReadMail> ReadAsync(Stream rawMessage, CancellationToken ct = default);
}
