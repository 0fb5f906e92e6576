using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nacars.Core.Dissemination;
using Nacars.Core.ForceFeedback;
using Nacars.Core.Intake.Attachments;
using Nacars.Core.Retention;
using Nacars.Tests.Dissemination;

namespace Nacars.Tests.ForceFeedback;

/// <summary>Forces' emails may name the reporter: they leave with the contact under the retention schedule, files and
/// all, as dismissed mail does after its time; what the figures count (acknowledgement, outcome kind) stays.</summary>
public sealed class ForceMailRetentionTests : DisseminationTestBase
{
    private const string ServiceDomain = "nacars.crimestoppers-uk.example";

    private static async Task RecordAsync(WorkbenchFactory app, MimeKit.MimeMessage message)
    {
        using var raw = new MemoryStream();
        await message.WriteToAsync(raw, Ct);
        Assert.True(await app.Services.GetRequiredService<ReplyRecorder>().RecordAsync(raw.ToArray(), Ct));
    }

    [Fact]
    public async Task A_minimised_contact_loses_the_forces_emails_their_files_and_outcome_notes_and_keeps_its_figures()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        await using var app = new MailWorkbench { Clock = clock, BackgroundDispatcher = false };
        var reference = await ReadyContactAsync(app);
        var sent = await app.Dissemination.SendAsync(reference, Analyst, Ct);
        await app.Dispatcher.DrainAsync(Ct);
        clock.Advance(TimeSpan.FromHours(1));
        var reply = TestMailbox.Reply("pecs.duty@example.org", "RE: report", "The reporter, Jane Reporter of 4 Elm Road, was spoken to.",
            DisseminationRecord.MessageIdFor(sent.Id, ServiceDomain));
        var body = new MimeKit.BodyBuilder { TextBody = "The reporter, Jane Reporter of 4 Elm Road, was spoken to." };
        body.Attachments.Add("statement.jpg", Nacars.Tests.Intake.Attachments.TestFiles.PhoneJpeg(), new MimeKit.ContentType("image", "jpeg"));
        reply.Body = body.ToMessageBody();
        await RecordAsync(app, reply);
        await app.Services.GetRequiredService<ForceFeedbackService>().RecordOutcomeAsync(reference, OutcomeKind.Other, "Words of advice to PC Hart", new DateOnly(2026, 3, 2), Analyst, Ct);
        // Unmatched mail an analyst dismissed.
        await RecordAsync(app, TestMailbox.Reply("newsletter@shop.example", "Spring sale", "Nothing to do with any report."));
        string storeKey;
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
        {
            storeKey = (await db.ForceReplyAttachments.SingleAsync(a => a.StoreKey != null, Ct)).StoreKey!;
            var spam = await db.ForceReplies.SingleAsync(r => r.State == ReplyState.Unmatched, Ct);
            await app.Services.GetRequiredService<ForceFeedbackService>().DismissAsync(spam.Id, Analyst, Ct);
        }

        clock.Advance(TimeSpan.FromDays(25 * 31));
        await app.Services.GetRequiredService<RetentionPurge>().RunAsync(Ct);

        await using (var db = await app.Db.CreateDbContextAsync(Ct))
        {
            Assert.Empty(await db.ForceReplies.ToListAsync(Ct));
            Assert.Empty(await db.ForceReplyAttachments.ToListAsync(Ct));
            var outcome = await db.ForceOutcomes.SingleAsync(Ct);
            Assert.Equal((OutcomeKind.Other, (string?)null), (outcome.Kind, outcome.Note));
            var record = await db.Disseminations.SingleAsync(d => d.Id == sent.Id, Ct);
            Assert.NotNull(record.AcknowledgedAtUtc);
            Assert.Equal(60, record.AcknowledgeWorkingMinutes);
        }
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var gone = await app.Services.GetRequiredService<IAttachmentStore>().OpenReadAsync(storeKey, Ct);
        });
    }
}
