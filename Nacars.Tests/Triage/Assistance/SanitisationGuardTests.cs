using Nacars.Core.Contacts;
using Nacars.Core.Assistance;

namespace Nacars.Tests.Triage.Assistance;

public class SanitisationGuardTests
{
    private static readonly ReporterDetails Kerry = new(false, "Kerry Ashdown", "07700 900231", "kerry.ashdown@example.com", false);

    private static IReadOnlyList<ReporterFlag> Flags(string text, ReporterDetails? reporter = null) => SanitisationGuard.Find(text, reporter);

    private static bool Flagged(string text, string phrase, ReporterDetails? reporter = null) =>
        Flags(text, reporter).Any(f => f.Start < text.IndexOf(phrase, StringComparison.Ordinal) + phrase.Length && text.IndexOf(phrase, StringComparison.Ordinal) < f.End);

    [Theory]
    [InlineData("I met KERRY ASHDOWN's brother once.", "KERRY ASHDOWN")]
    [InlineData("Ashdown is the name on the lease.", "Ashdown")]
    [InlineData("You can text 07700 900 231 after six.", "07700 900 231")]
    [InlineData("Or try +44 7700 900231.", "+44 7700 900231")]
    [InlineData("My email is Kerry.Ashdown@example.com.", "Kerry.Ashdown@example.com")]
    public void Flags_the_reporters_own_details_in_any_spelling(string text, string phrase) =>
        Assert.True(Flagged(text, phrase, Kerry), $"'{phrase}' not flagged in: {text}");

    [Theory]
    [InlineData("My partner's ex is a PC at Trinity Road police station.", "My partner's ex is a PC")]
    [InlineData("I'm his ex and he still has my keys.", "I'm his ex")]
    [InlineData("I live next door to them at number 14 on Heaton Road.", "I live next door")]
    [InlineData("I run a convenience shop on Leek Road and saw it.", "I run a convenience shop on Leek Road")]
    [InlineData("I work at the Co-op on the high street.", "I work at the Co-op")]
    [InlineData("Then on 3 February he pulled me over on Stapleton Road.", "he pulled me over on Stapleton Road")]
    [InlineData("He knew what car I drive.", "what car I drive")]
    [InlineData("He followed my blue Corsa home.", "my blue Corsa")]
    [InlineData("My name is Danielle Achebe and I live in Catford.", "Danielle Achebe")]
    [InlineData("You can ring me here on 07700 900552.", "07700 900552")]
    [InlineData("I'm a support worker at a hostel in Stonehouse.", "I'm a support worker at a hostel in Stonehouse")]
    [InlineData("One of the women is my friend and she is scared.", "is my friend")]
    [InlineData("There are only three of us in the store.", "only three of us")]
    public void Flags_first_person_relationships_addresses_jobs_incidents_and_cars(string text, string phrase) =>
        Assert.True(Flagged(text, phrase), $"'{phrase}' not flagged in: {text}");

    [Theory]
    [InlineData("He texts her from 07700 900418 late at night.")]
    [InlineData("The officer has a grey Audi and parks it on Leek Road.")]
    [InlineData("I'm not giving my name, I live round there.")]
    [InlineData("Everyone knows he is bent. Someone should look at him.")]
    public void Does_not_flag_the_officers_details_or_vague_first_person_remarks(string text) =>
        Assert.Empty(Flags(text));

    [Fact]
    public void Redaction_replaces_each_flag_with_a_neutral_phrase_for_its_kind()
    {
        var text = "I work at the pharmacy on Leagrave Road. My mobile is 07700 900764. He pulled me over on 3 February in Luton.";
        var flags = Flags(text);
        var redacted = SanitisationGuard.Redact(text, flags);
        Assert.Contains("[the reporter's workplace]", redacted);
        Assert.Contains("[contact details removed]", redacted);
        Assert.Contains("[a date]", redacted);
        Assert.DoesNotContain("07700 900764", redacted);
        Assert.DoesNotContain("Leagrave Road", redacted);
        Assert.DoesNotContain("3 February", redacted);
    }

    [Fact]
    public void Each_kind_has_its_own_neutral_phrase()
    {
        Assert.Equal("[a person known to the subject]", ReporterFlagKinds.NeutralPhrase(ReporterFlagKinds.Relationship));
        Assert.Equal("[an address]", ReporterFlagKinds.NeutralPhrase(ReporterFlagKinds.Address));
        Assert.Equal("[a vehicle]", ReporterFlagKinds.NeutralPhrase(ReporterFlagKinds.Vehicle));
        Assert.Equal("[the reporter's workplace]", ReporterFlagKinds.NeutralPhrase(ReporterFlagKinds.Workplace));
    }

    [Fact]
    public void Flag_ids_are_stable_across_case_spacing_and_phone_formatting_and_differ_by_kind()
    {
        Assert.Equal(SanitisationGuard.FlagIdOf(ReporterFlagKinds.Address, "I live on Ashgate Road"),
            SanitisationGuard.FlagIdOf(ReporterFlagKinds.Address, "i live  on ASHGATE road"));
        Assert.Equal(SanitisationGuard.FlagIdOf(ReporterFlagKinds.Contact, "07700 900231"),
            SanitisationGuard.FlagIdOf(ReporterFlagKinds.Contact, "+44 7700 900231"));
        Assert.NotEqual(SanitisationGuard.FlagIdOf(ReporterFlagKinds.Address, "Heaton Road"),
            SanitisationGuard.FlagIdOf(ReporterFlagKinds.Workplace, "Heaton Road"));
        Assert.Equal(Flags("I live on Ashgate Road.").Single().FlagId, Flags("Honestly. I live on Ashgate Road.").Single().FlagId);
    }

    [Fact]
    public void Unresolved_returns_what_is_still_in_the_sanitised_text_less_the_decisions_made()
    {
        var original = "I live on Ashgate Road. My number is 07700 900589. He came round on 3 March.";
        var flags = Flags(original);
        var address = flags.Single(f => f.Kind == ReporterFlagKinds.Address);
        var phone = flags.Single(f => f.Kind == ReporterFlagKinds.Contact);

        // The analyst redacted the phone and kept the rest with a reason: nothing is left to decide.
        var sanitised = original.Replace("07700 900589", "[contact details removed]");
        var keptTheRest = flags.Where(f => f.FlagId != phone.FlagId).Select(f => f.FlagId).ToHashSet();
        Assert.Empty(SanitisationGuard.Unresolved(sanitised, keptTheRest, null, flags));

        // Kept the address only: the phone, still in the text, is unresolved.
        var stillThere = SanitisationGuard.Unresolved(original, new HashSet<string> { address.FlagId }, null, flags);
        Assert.Contains(stillThere, f => f.FlagId == phone.FlagId);
        Assert.DoesNotContain(stillThere, f => f.FlagId == address.FlagId);
    }

    [Fact]
    public void An_earlier_flag_whose_words_survive_an_edit_is_still_reported()
    {
        var original = "My neighbour Neil Garside is a sergeant.";
        var earlier = Flags(original);
        Assert.NotEmpty(earlier);
        var edited = "Note: my neighbour Neil Garside is a sergeant, so be careful.";
        var unresolved = SanitisationGuard.Unresolved(edited, new HashSet<string>(), null, earlier);
        Assert.Contains(unresolved, f => f.FlagId == earlier[0].FlagId);
    }
}
