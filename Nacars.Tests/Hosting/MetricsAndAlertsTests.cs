using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Nacars.Tests.Intake;

namespace Nacars.Tests.Hosting;

/// <summary>
/// Issue 28, item 3, as an operations team meets it: a running Workbench process scraped over HTTP as Prometheus
/// scrapes it, and Debian's promtool judging the shipped alert rules on what that process exported.
/// </summary>
public sealed partial class MetricsAndAlertsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string AlertRules = Path.Combine(AppContext.BaseDirectory, "deploy", "alerts.yml");
    private readonly string _token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
    private readonly RunningInstance _server = new();

    public async ValueTask InitializeAsync()
    {
        _server.Environment["Nacars__Demo__Enabled"] = "false";
        _server.Environment["Nacars__Telemetry__ScrapeToken"] = _token;
        // Urgent contacts go amber at once and red after a minute, so the test waits one minute rather than fifteen.
        _server.Environment["Nacars__Triage__UrgentAmberMinutes"] = "0";
        _server.Environment["Nacars__Triage__UrgentRedMinutes"] = "1";
        await _server.InitializeAsync();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<HttpResponseMessage> ScrapeAsync(string? token)
    {
        using var client = _server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Ct);
    }

    private async Task<string> MetricsAsync()
    {
        using var response = await ScrapeAsync(_token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The value of one series in Prometheus's text format (labels in any order), or null if absent.</summary>
    private static double? Value(string metrics, string name, params (string Label, string Value)[] labels)
    {
        foreach (Match line in SeriesLine().Matches(metrics))
        {
            if (line.Groups["name"].Value != name) continue;
            var text = line.Groups["labels"].Value;
            if (labels.All(l => text.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
                return double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();

    [Fact]
    public async Task Only_an_admin_or_Prometheus_with_the_scrape_token_may_read_the_metrics()
    {
        using (var anonymous = await ScrapeAsync(null)) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var wrong = await ScrapeAsync("not-" + _token)) Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await ScrapeAsync(_token);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith("text/plain", right.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_urgent_report_left_unclaimed_turns_the_urgent_alert_on_and_no_scrape_carries_a_word_of_it()
    {
        using var before = await ScrapeAsync(_token);
        Assert.Equal(0, Value(await before.Content.ReadAsStringAsync(Ct), "nacars_contacts_open", ("status", "new")));

        const string account = "Sergeant Quillfeather at Tonbridge custody threatened me tonight; call me on 07700 900461 or zebedee.marsh@example.net.";
        using var client = _server.Client();
        var fields = PublicPosts.Report(account).Select(f => f.Key == "Report.ImmediateDanger" ? new(f.Key, "True") : f);
        var confirmation = await PublicPosts.MultipartAsync(client, "/report", "report", fields, "Report.Files", []);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        var reference = PublicPosts.ReferenceIn(await confirmation.Content.ReadAsStringAsync(Ct));
        Assert.NotEmpty(reference);

        var fresh = await MetricsAsync();
        Assert.Equal(1, Value(fresh, "nacars_reports_received_total", ("channel", "online")));
        Assert.Equal(1, Value(fresh, "nacars_contacts_open", ("status", "new")));
        Assert.Equal(1, Value(fresh, "nacars_urgent_awaiting_fast_time_call"));
        Assert.Equal(1, Value(fresh, "nacars_unclaimed_late", ("urgent", "true"), ("lateness", "amber")));
        var redBefore = Value(fresh, "nacars_unclaimed_late", ("urgent", "true"), ("lateness", "red"));
        Assert.Equal(0, redBefore);
        Assert.InRange(Value(fresh, "nacars_last_report_received_timestamp_seconds")!.Value,
            DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());

        // Nobody claims it: a minute later the service says it is past red.
        var waited = fresh;
        await Eventually.TrueAsync(async () =>
            Value(waited = await MetricsAsync(), "nacars_unclaimed_late", ("urgent", "true"), ("lateness", "red")) is > 0, timeoutMs: 180_000);
        var redAfter = Value(waited, "nacars_unclaimed_late", ("urgent", "true"), ("lateness", "red"))!.Value;
        Assert.Equal(1, redAfter);
        Assert.True(Value(waited, "nacars_oldest_unclaimed_age_seconds", ("urgent", "true")) >= 60);

        // What an attacker with the scrape token, or a dashboard, holds: counts and ages, never the report.
        foreach (var secret in new[] { reference, "Quillfeather", "Tonbridge", "07700", "900461", "zebedee", "example.net" })
        {
            Assert.DoesNotContain(secret, fresh, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, waited, StringComparison.OrdinalIgnoreCase);
        }

        // The shipped rule, fed the two values this instance exported (before and after the wait), pages.
        await PromtoolAsync("test", "rules", RuleTest(redBefore ?? 0, redAfter));
    }

    private string RuleTest(double before, double after)
    {
        var file = Path.Combine(_server.DataRoot, "alerts-test.yml");
        Directory.CreateDirectory(_server.DataRoot);
        File.WriteAllText(file, string.Join('\n',
            $"rule_files: ['{AlertRules}']",
            "evaluation_interval: 1m",
            "tests:",
            "  - interval: 1m",
            "    input_series:",
            "      - series: 'nacars_unclaimed_late{urgent=\"true\",lateness=\"red\",instance=\"workbench-1\",job=\"nacars\"}'",
            $"        values: '{before.ToString(CultureInfo.InvariantCulture)}x4 {after.ToString(CultureInfo.InvariantCulture)}x10'",
            "    alert_rule_test:",
            "      - eval_time: 4m",
            "        alertname: NacarsUrgentContactUnclaimedPastRed",
            "        exp_alerts: []",
            "      - eval_time: 8m",
            "        alertname: NacarsUrgentContactUnclaimedPastRed",
            "        exp_alerts:",
            "          - exp_labels: { severity: page }",
            "            exp_annotations:",
            "              summary: 'An urgent contact has waited past red with nobody claiming it'",
            $"              description: '{after.ToString(CultureInfo.InvariantCulture)} urgent contact(s) unclaimed past the red age. Open the wallboard and claim it.'",
            ""));
        return file;
    }

    [Fact]
    public async Task The_shipped_alert_rules_pass_promtool()
    {
        var output = await PromtoolAsync("check", "rules", AlertRules);
        Assert.Contains("SUCCESS: 7 rules found", output);
    }

    /// <summary>Debian's promtool (the test script installs it); its exit code and words are the verdict.</summary>
    private static async Task<string> PromtoolAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("promtool") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        var said = await output + await errors;
        Assert.True(process.ExitCode == 0, $"promtool {string.Join(' ', arguments)} failed:\n{said}");
        return said;
    }
}
