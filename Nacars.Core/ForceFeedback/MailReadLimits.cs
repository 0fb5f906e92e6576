namespace Nacars.Core.ForceFeedback;

/// <summary>What reading one message may take. A message is hostile input: whoever can send mail to the service's
/// mailbox chooses its bytes, so its size, its files and the process that reads it are all bounded.</summary>
/// <param name="MaxMessageBytes">The raw message; past it the message is unreadable and is read in the mailbox instead.</param>
/// <param name="MaxAttachments">Files kept per message; the rest are counted in <see cref="ReadMail.AttachmentsLeftOut"/>.</param>
/// <param name="MaxAttachmentBytes">Bytes per file once decoded (the same limit as a reporter's file).</param>
/// <param name="CpuSeconds">CPU seconds of the reading process (the kernel ends it past this).</param>
/// <param name="HeapMegabytes">Managed heap of the reading process.</param>
/// <param name="TimeoutSeconds">Wall-clock seconds before the reading process is killed.</param>
public sealed record MailReadLimits(
    long MaxMessageBytes = 25 * 1024 * 1024, int MaxAttachments = 10, long MaxAttachmentBytes = 10 * 1024 * 1024,
    int CpuSeconds = 10, int HeapMegabytes = 256, int TimeoutSeconds = 30)
{
    /// <summary>The service's limits: the listener fetches nothing larger, the reader reads within them.</summary>
    public static readonly MailReadLimits Default = new();
}
