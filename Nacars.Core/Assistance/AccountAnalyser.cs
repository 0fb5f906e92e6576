using Nacars.Core.Contacts;

namespace Nacars.Core.Assistance;

/// <summary>
/// The detail highlighter: officer numbers and names, stations, places, dates, registrations, phones, emails and
/// handles, each with the reason it was picked out. Pure and in-process: rules, a gazetteer and small scores.
/// </summary>
public static class AccountAnalyser
{
    /// <summary>The details found in <paramref name="text"/>, in order, never overlapping. The reporter's own name is
    /// never taken for an officer's.</summary>
    public static IReadOnlyList<AccountEntity> Analyse(string text, ReporterDetails? reporter = null) =>
        Run(text, reporter).Entities;

    /// <summary>Entities, top-3 force suggestions, reporter-identifying flags and threshold/urgency hints in one pass.
    /// The subject's details from the contact's fields, when given, count for the force and the hints.</summary>
    public static AccountAssistance Assist(string text, ReporterDetails? reporter = null, SubjectDetails? subject = null)
    {
        var run = Run(text, reporter);
        var forces = ForceSuggester.Suggest(run.Account, run.Located, 3, AnalysisWorkplace.Of(subject?.Workplace));
        var flags = SanitisationGuard.Find(run.Account, run.Entities, reporter);
        var hints = ThresholdHints.For(run.Account, run.Context, run.Entities, subject);
        return new AccountAssistance(run.Entities, forces, flags, hints);
    }

    /// <summary>The top forces for the account (codes from <see cref="Forces.ForceDirectory"/>).</summary>
    public static IReadOnlyList<ForceSuggestion> SuggestForces(string text, int top = 3)
    {
        var run = Run(text, null);
        return ForceSuggester.Suggest(run.Account, run.Located, top);
    }

    internal sealed record AnalysisRun(AccountText Account, PoliceContext Context, IReadOnlyList<AccountEntity> Entities, IReadOnlyList<Candidate> Located);

    internal static AnalysisRun Run(string? text, ReporterDetails? reporter)
    {
        text ??= "";
        var account = new AccountText(text);
        var context = new PoliceContext(account);
        var candidates = new List<Candidate>(64);
        ContactDetailRecogniser.Find(text, candidates);
        VehicleRegRecogniser.Find(text, candidates);
        OfficerNumberRecogniser.FindNumbers(text, candidates);
        DateRecogniser.Find(account, candidates);
        PlaceRecogniser.FindStations(account, context, candidates);
        StationContextRecogniser.Find(account, candidates);
        OfficerRecogniser.FindNames(account, context, candidates, reporter?.Name);
        PlaceRecogniser.FindPlaces(account, context, candidates);
        MisspeltPlaces.Find(account, candidates);
        var kept = Resolve(candidates);
        var entities = kept.Select(c => new AccountEntity(c.Kind, text.Substring(c.Start, c.Length), c.Start, c.Length, c.Why)).ToList();
        return new AnalysisRun(account, context, entities, kept);
    }

    /// <summary>Settles overlaps: the higher-priority kind wins (an email over the handle inside it, an officer's number
    /// over the year-like digits in it, a name over a place of the same spelling); within a kind the longer span.</summary>
    private static List<Candidate> Resolve(List<Candidate> candidates)
    {
        candidates.Sort((a, b) =>
        {
            var p = b.Priority.CompareTo(a.Priority);
            if (p != 0) return p;
            var l = b.Length.CompareTo(a.Length);
            return l != 0 ? l : a.Start.CompareTo(b.Start);
        });
        var kept = new List<Candidate>(candidates.Count);
        foreach (var c in candidates)
        {
            if (c.Length <= 0) continue;
            var clash = false;
            foreach (var k in kept)
                if (c.Start < k.End && k.Start < c.End) { clash = true; break; }
            if (!clash) kept.Add(c);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
