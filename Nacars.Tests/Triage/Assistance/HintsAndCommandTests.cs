using System.Text.Json;
using Nacars.Bench.Assist;
using Nacars.Core.Assistance;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage.Assistance;

public class ThresholdHintTests
{
    private static IReadOnlyList<AssistHint> Hints(string text) => AccountAnalyser.Assist(text).Hints;

    [Fact]
    public void A_vague_rant_gets_a_corroboration_hint_and_nothing_else()
    {
        var hints = Hints("Police in this country are a joke. Every single one of them is on the take. I've never met an honest copper. Typical.");
        var hint = Assert.Single(hints);
        Assert.Equal(HintChecks.Corroborable, hint.Check);
        Assert.Contains("who", hint.Why);
    }

    [Fact]
    public void A_detailed_account_gets_no_threshold_hints()
    {
        var hints = Hints("On 14 February at about 4pm PC 2317 Lee Brannigan took an envelope from a dealer on Leek Road in Hanley.");
        Assert.Empty(hints);
    }

    [Theory]
    [InlineData("There's a screw at Durham prison bringing spice in for one of the wings since Christmas.")]
    [InlineData("The parking wardens on Western Road in Brighton gave me a ticket on 3 March.")]
    public void Another_uniform_gets_an_about_police_hint(string text)
    {
        var hint = Hints(text).Single(h => h.Check == HintChecks.AboutPolice);
        Assert.Contains("not police", hint.Message);
    }

    [Fact]
    public void The_reporters_own_case_gets_a_personal_complaint_hint()
    {
        var hint = Hints("I got a speeding ticket on the A15 on 12 January. I was not speeding. I want the ticket cancelled and the points taken off.")
            .Single(h => h.Check == HintChecks.NotPersonalComplaint);
        Assert.Contains("own case", hint.Message);
    }

    [Theory]
    [InlineData("I'm writing this quick because it's happening tonight: they're coming for yous at 6 in the morning and the raid is blown.")]
    [InlineData("He is parked outside my building right now and he has rung my buzzer twice. Please send someone.")]
    [InlineData("About 20 minutes ago PC 6129 drove off with a girl who can't be older than 14 in the front seat.")]
    // Threats of harm, custody and vulnerable people beside "tonight" or "now" (issue 27).
    [InlineData("He might hurt someone tonight, he said he would sort out a prisoner in the cells at Keynsham.")]
    [InlineData("The sergeant is alone with a detainee with dementia now and he has a blade in his locker.")]
    public void Something_happening_now_gets_an_urgency_hint(string text) =>
        Assert.Contains(Hints(text), h => h.Check == HintChecks.Urgent && h.Why.Length > 0);

    [Fact]
    public void Now_alone_is_not_urgent() =>
        Assert.DoesNotContain(Hints("Now he posts racist memes in the team's WhatsApp group, as he did in 2019."), h => h.Check == HintChecks.Urgent);

    [Fact]
    public void The_subject_named_in_the_contacts_fields_is_an_identifiable_officer()
    {
        const string account = "He takes cash from the dealers on the estate every Friday night outside the chip shop.";
        Assert.Contains(AccountAnalyser.Assist(account).Hints, h => h.Check == HintChecks.Corroborable);
        var hints = AccountAnalyser.Assist(account, null, new Nacars.Core.Contacts.SubjectDetails("Mark", "Sergeant", null, "Birmingham")).Hints;
        Assert.DoesNotContain(hints, h => h.Check == HintChecks.Corroborable);
        Assert.DoesNotContain(hints, h => h.Check == HintChecks.AboutPolice);
    }

    [Fact]
    public void An_old_grievance_is_not_urgent() =>
        Assert.DoesNotContain(Hints("In 2019 PC 2208 at Warrington police station posted racist memes in a WhatsApp group."), h => h.Check == HintChecks.Urgent);
}

public class AnalyseAccountsCommandTests
{
    [Fact]
    public async Task Writes_one_snake_case_line_per_account_with_offsets_into_the_text()
    {
        var input = new StringReader(string.Join('\n',
            """{"id":"A1","account":"PC 2317 took cash on Leek Road in Hanley on 14 February. Ring me on 07700 900552.","reporter_name":"Kerry Ashdown"}""",
            "",
            """{"id":"A2","account":"Writing from the platform at Manchester Piccadilly: a transport police officer is with a drunk girl right now."}"""));
        var output = new StringWriter();

        var count = await AnalyseAccountsCommand.RunAsync(input, output, TestContext.Current.CancellationToken);

        Assert.Equal(2, count);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(["id", "entities", "forces", "reporter_flags", "hints"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("A1", root.GetProperty("id").GetString());
        const string account = "PC 2317 took cash on Leek Road in Hanley on 14 February. Ring me on 07700 900552.";
        foreach (var e in root.GetProperty("entities").EnumerateArray())
        {
            Assert.Equal(["kind", "text", "start", "length"], e.EnumerateObject().Select(p => p.Name));
            Assert.Equal(e.GetProperty("text").GetString(), account.Substring(e.GetProperty("start").GetInt32(), e.GetProperty("length").GetInt32()));
        }
        Assert.Contains(root.GetProperty("entities").EnumerateArray(), e => e.GetProperty("kind").GetString() == "officer-number" && e.GetProperty("text").GetString() == "PC 2317");
        var force = root.GetProperty("forces")[0];
        Assert.Equal(["code", "name", "score", "why"], force.EnumerateObject().Select(p => p.Name));
        Assert.Equal("staffordshire", force.GetProperty("code").GetString());
        var flag = Assert.Single(root.GetProperty("reporter_flags").EnumerateArray());
        Assert.Equal(["text", "start", "length", "why"], flag.EnumerateObject().Select(p => p.Name));
        Assert.Equal("07700 900552", flag.GetProperty("text").GetString());

        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("btp", second.RootElement.GetProperty("forces")[0].GetProperty("code").GetString());
        var hint = second.RootElement.GetProperty("hints").EnumerateArray().Single(h => h.GetProperty("check").GetString() == "urgent");
        Assert.Equal(["check", "message", "why"], hint.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_line_it_cannot_read_gets_an_error_line_and_the_rest_go_on()
    {
        var input = new StringReader("{\"id\":\"B1\"}\nnot json\n{\"id\":\"B3\",\"account\":\"PC 2317 in Hanley.\"}\n");
        var output = new StringWriter();
        var count = await AnalyseAccountsCommand.RunAsync(input, output, TestContext.Current.CancellationToken);
        Assert.Equal(1, count);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"error\"", lines[0]);
        Assert.Contains("\"id\":\"B1\"", lines[0]);
        Assert.Contains("\"error\"", lines[1]);
        Assert.Contains("\"entities\"", lines[2]);
    }

    [Fact]
    public async Task Reporter_details_in_a_nested_object_are_used_for_flags()
    {
        var input = new StringReader("""{"id":"C1","account":"Ashdown is the name you want. PC 2317 in Hanley.","reporter":{"name":"Kerry Ashdown"}}""");
        var output = new StringWriter();
        await AnalyseAccountsCommand.RunAsync(input, output, TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.Contains(doc.RootElement.GetProperty("reporter_flags").EnumerateArray(), f => f.GetProperty("text").GetString() == "Ashdown");
    }
}

public class AssistEvaluationTests
{
    [Fact]
    public void A_label_counts_as_found_when_an_entity_of_its_kind_overlaps_any_occurrence()
    {
        var line = """{"id":"E1","account":"On 14 February PC 2317 was in Hanley. Hanley again.","force":"Staffordshire Police","alt_forces":[],"officer_numbers":["PC 2317"],"officer_names":["Zebedee"],"stations":[],"places":["Hanley"],"dates":["On 14 February"],"vehicle_regs":[],"phones":[],"emails":[],"handles":[],"reporter_identifiers":[],"threshold":{"corroborable":true,"about_police":true,"not_personal_complaint":true},"urgent":false,"related_group":null}""";
        var accounts = AssistEvaluation.Read(new StringReader(line));
        var result = AssistEvaluation.Evaluate(accounts);
        Assert.Equal(1.0, result.Kinds[EntityKinds.OfficerNumber].Recall);
        Assert.Equal(1.0, result.Kinds[EntityKinds.Date].Recall); // "14 February" overlaps "On 14 February"
        Assert.Equal(1.0, result.Kinds[EntityKinds.Place].Recall);
        Assert.Equal(0.0, result.Kinds[EntityKinds.OfficerName].Recall);
        Assert.Equal(1.0, result.ForceTop1Strict);
        Assert.Contains(result.Misses, m => m.Contains("Zebedee", StringComparison.Ordinal));
    }

    [Fact]
    public void Fresh_fictional_accounts_meet_the_goals()
    {
        // Written for these tests: towns, officers and decoys that are not in the development set.
        var result = AssistEvaluation.Evaluate(AssistTestKit.SanityAccounts());
        Assert.True(result.ForceTop1Strict >= 0.85, $"force top-1 {result.ForceTop1Strict}");
        Assert.True(result.ForceTop3 >= 0.95, $"force top-3 {result.ForceTop3}");
        foreach (var kind in new[] { EntityKinds.OfficerNumber, EntityKinds.VehicleReg, EntityKinds.Phone, EntityKinds.Email })
            Assert.True(result.Kinds[kind].Recall >= 0.95, $"{kind} recall {result.Kinds[kind].Recall}");
        Assert.True(result.Kinds[EntityKinds.Station].Recall >= 0.85, "stations");
        Assert.True(result.Kinds[EntityKinds.OfficerName].Recall >= 0.8, "officer names");
        Assert.True(result.Kinds[EntityKinds.Date].Recall >= 0.8, "dates");
        Assert.True(result.Kinds[EntityKinds.Place].Recall >= 0.7, "places");
        Assert.True(result.ReporterFlags.Recall >= 0.75, $"reporter flags {result.ReporterFlags.Recall}");
        Assert.True(result.RelatedRecall >= 0.9 && result.RelatedPrecision >= 0.9, $"related P {result.RelatedPrecision} R {result.RelatedRecall}");
        Assert.True(result.Kinds[EntityKinds.Place].Precision >= 0.8, $"place precision {result.Kinds[EntityKinds.Place].Precision}");
    }
}
