using System.Net;
using System.Resources;
using System.Text.RegularExpressions;

namespace Nacars.Tests.Intake;

/// <summary>Every public page in English and Welsh, chosen by the address alone: lang, hreflang alternates, a language
/// link, translated validation messages and categories, and no cookie but antiforgery.</summary>
public class WelshPagesTests(ReporterDialogueTests.App app) : IClassFixture<ReporterDialogueTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/report", "en-GB", "/cy/report")]
    [InlineData("/cy/report", "cy", "/report")]
    [InlineData("/report/follow-up", "en-GB", "/cy/report/follow-up")]
    [InlineData("/cy/report/follow-up", "cy", "/report/follow-up")]
    public async Task Each_public_page_says_its_language_links_to_the_other_and_sets_no_cookie_but_antiforgery(string path, string lang, string other)
    {
        var response = await app.CreateAnonymousClient().GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{lang}\"", html);
        var english = path.Replace("/cy", "", StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"alternate\" hreflang=\"en\" href=\"{english}\"", html);
        Assert.Contains($"<link rel=\"alternate\" hreflang=\"cy\" href=\"/cy{english}\"", html);
        Assert.Matches($"<a href=\"{Regex.Escape(other)}\"[^>]*data-testid=\"language-switch\"", html);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        Assert.All(cookies, c => Assert.StartsWith("nacars.af=", c));
    }

    [Fact]
    public async Task The_Welsh_form_shows_Welsh_labels_categories_and_validation_messages_and_keeps_what_was_typed()
    {
        var client = app.CreateAnonymousClient();
        var page = await client.GetStringAsync("/cy/report", Ct);
        Assert.Contains("Arian neu ffafrau am wybodaeth neu ddylanwad", page);

        var response = await WorkbenchFactory.PostFormAsync(client, "/cy/report", "report", new()
        {
            ["Report.Account"] = "", ["Report.WhereHappened"] = "Caerdydd, ger yr orsaf", ["Report.StayAnonymous"] = "True",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<html lang=\"cy\"", html);
        Assert.Contains("Dywedwch wrthym beth ddigwyddodd.", html);
        Assert.Contains("value=\"Caerdydd, ger yr orsaf\"", html);
    }

    [Fact]
    public async Task A_Welsh_report_is_received_and_confirmed_in_Welsh()
    {
        var response = await WorkbenchFactory.PostFormAsync(app.CreateAnonymousClient(), "/cy/report", "report", new()
        {
            ["Report.Account"] = "Mae swyddog yn Abertawe yn gwerthu gwybodaeth i gang lleol.",
            ["Report.ForceCode"] = "south-wales", ["Report.ImmediateDanger"] = "False", ["Report.StayAnonymous"] = "True",
        }, [new("Report.Categories", "money-or-favours")]);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"cy\"", html);
        Assert.NotEmpty(PublicPosts.ReferenceIn(html));
    }

    [Theory]
    [InlineData("/no-such-page", "en-GB", "Page not found")]
    [InlineData("/cy/no-such-page", "cy", "Heb ddod o hyd i&#x27;r dudalen")]
    public async Task A_missing_public_page_answers_404_in_the_language_of_its_address(string path, string lang, string title)
    {
        var response = await app.CreateAnonymousClient().GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<html lang=\"{lang}\"", html);
        Assert.Contains(title, html);
        Assert.Contains("data-testid=\"quick-exit\"", html);
    }

    [Theory]
    [InlineData(typeof(Nacars.Core.Intake.ReportText), "Nacars.Core.Intake.ReportText")]
    [InlineData(typeof(Nacars.Workbench.Features.Intake.PublicText), "Nacars.Workbench.Features.Intake.PublicText")]
    public void Every_English_string_has_a_Welsh_one_and_no_Welsh_string_is_left_in_English(Type anchor, string baseName)
    {
        var resources = new ResourceManager(baseName, anchor.Assembly);
        var english = resources.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, true, false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var welsh = resources.GetResourceSet(System.Globalization.CultureInfo.GetCultureInfo("cy"), true, false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        Assert.Empty(english.Keys.Except(welsh.Keys));
        // Only the Welsh forces' own Welsh names exist in Welsh alone (in English the force directory names them).
        Assert.All(welsh.Keys.Except(english.Keys), k => Assert.StartsWith("Force.", k));
        // Placeholders must match, or a Welsh message would throw or lose its number.
        foreach (var (key, text) in english)
            Assert.True(Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order().SequenceEqual(Regex.Matches(welsh[key], @"\{\d\}").Select(m => m.Value).Order()), key);
    }
}
