using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Audit;
using Nacars.Core.Intake;
using Nacars.Core.Supervision;
using Nacars.Workbench.Features.Supervision;

namespace Nacars.Tests.Audit;

/// <summary>
/// Threat-model row I3, for the insider who holds the database and the anchor file too (a backup of the whole server):
/// the head in the supervisors' daily summary, kept in their mailboxes, still shows events cut off or a chain rewritten.
/// </summary>
public class DailySummaryAnchorTests : IDisposable
{
    private readonly WorkbenchFactory _app = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Supervisors = "nacars-supervisors@example.cjsm.net";

    public DailySummaryAnchorTests() => _app.Settings["Nacars:DailySummary:To:0"] = Supervisors;

    private async Task<(string Body, AuditAnchor.Head Head)> SummaryAsync()
    {
        var intake = _app.Services.GetRequiredService<IntakeService>();
        for (var i = 0; i < 4; i++)
            await intake.SubmitOnlineAsync(new ReportSubmission { Account = $"Summary test {i}: an officer sold a custody record.", ForceCode = "kent" }, Ct);
        var today = DateOnly.FromDateTime(Nacars.Core.Contacts.UkTime.FromUtc(DateTime.UtcNow));
        Assert.Equal(1, await _app.Services.GetRequiredService<DailySummary>().QueueAsync(today, Ct));
        Assert.Equal(0, await _app.Services.GetRequiredService<DailySummary>().QueueAsync(today, Ct)); // once a day
        await using var db = await _app.Db.CreateDbContextAsync(Ct);
        var mail = await db.OutboxMessages.SingleAsync(m => m.To == Supervisors, Ct);
        Assert.Contains("Contacts received: ", mail.Body);
        var head = Regex.Match(mail.Body, "--head ([0-9]+):([0-9a-f]{64})");
        Assert.True(head.Success, mail.Body);
        return (mail.Body, new AuditAnchor.Head(long.Parse(head.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), default, head.Groups[2].Value));
    }

    private async Task RawAsync(string sql)
    {
        await using var db = await _app.Db.CreateDbContextAsync(Ct);
        await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }

    [Fact]
    public async Task Events_cut_off_with_the_anchor_file_gone_too_are_found_from_the_summarys_head()
    {
        var (body, head) = await SummaryAsync();
        Assert.True(int.Parse(Regex.Match(body, "Contacts received: ([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 4, body);
        var chain = _app.Services.GetRequiredService<AuditChain>();
        Assert.True((await chain.VerifyAsync(Ct, head)).Intact);

        await RawAsync("DROP TRIGGER audit_seal_only; DROP TRIGGER audit_no_delete;");
        await RawAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" > {head.Sequence - 3}");
        File.Delete(_app.Services.GetRequiredService<AuditAnchor>().Path);
        // Triggers put back too: only the summary's head is left to tell.
        await using (var db = await _app.Db.CreateDbContextAsync(Ct)) await AuditGuard.EnsureAsync(db, Ct);

        Assert.True((await chain.VerifyAsync(Ct)).Intact);
        var result = await chain.VerifyAsync(Ct, head);
        Assert.False(result.Intact);
        Assert.Contains($"events after {head.Sequence - 3} are missing: the head given", result.Problem);

        var output = new StringWriter();
        Assert.Equal(1, await VerifyAuditCommand.RunAsync(_app.Services, ["--head", $"{head.Sequence}:{head.Mac}"], output));
        Assert.Contains("are missing", output.ToString());
    }

    [Fact]
    public async Task A_head_that_does_not_match_is_named_and_a_head_that_cannot_be_read_is_refused()
    {
        var (_, head) = await SummaryAsync();
        var chain = _app.Services.GetRequiredService<AuditChain>();
        var other = new AuditAnchor.Head(head.Sequence, default, new string('a', 64));
        var result = await chain.VerifyAsync(Ct, other);
        Assert.False(result.Intact);
        Assert.Contains("does not match the head given", result.Problem);

        var output = new StringWriter();
        Assert.Equal(2, await VerifyAuditCommand.RunAsync(_app.Services, ["--head", "12:not-a-seal"], output));
        Assert.Contains("SEQUENCE:SEAL", output.ToString());
        Assert.Equal(0, await VerifyAuditCommand.RunAsync(_app.Services, ["--head", $"{head.Sequence}:{head.Mac}"], new StringWriter()));
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}
