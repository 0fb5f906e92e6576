using MimeKit;

namespace Nacars.Core.Dissemination;

/// <summary>An outbox message as the email that leaves: from the service, to the force's mailbox only if its domain is
/// allowed, with the Message-ID fixed when it was queued (a repeat is recognisably the same email).</summary>
public static class OutboxMime
{
    public static MimeMessage From(OutboxMessage m, MailOptions mail)
    {
        AllowedRecipient(m.To, mail);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(MailboxAddress.Parse(m.To));
        message.Subject = m.Subject;
        message.MessageId = m.MessageId;
        if (m.InReplyTo is { } thread)
        {
            // In the report's thread, so the force's mail client shows the reminder beside the report it is about.
            message.InReplyTo = thread;
            message.References.Add(thread);
        }
        message.Date = new DateTimeOffset(m.CreatedAtUtc, TimeSpan.Zero);
        message.Headers.Add("X-NACARS-Reference", m.Reference ?? "test");
        if (m.AutoSubmitted) message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        var body = new BodyBuilder { TextBody = m.Body };
        if (m.Attachment is not null && m.AttachmentName is not null)
            body.Attachments.Add(m.AttachmentName, m.Attachment, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>A recipient outside <see cref="MailOptions.AllowedRecipientDomains"/> is refused for good, before any connection.</summary>
    private static void AllowedRecipient(string to, MailOptions mail)
    {
        var allowed = mail.AllowedRecipientDomains;
        if (allowed.Length == 0) return;
        var domain = to[(to.LastIndexOf('@') + 1)..];
        if (!allowed.Any(a => domain.Equals(a, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + a, StringComparison.OrdinalIgnoreCase)))
            throw new PermanentMailException($"{domain} is not in the allowed recipient domains (Nacars:Mail:AllowedRecipientDomains).");
    }
}
