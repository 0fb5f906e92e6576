namespace Nacars.Core.Assistance;

public static partial class SanitisationGuard
{
    /// <summary>Facts about the reporter as a person: age, nationality, faith or community, immigration status, health,
    /// their own crime reference or school. Each narrows who is speaking; none names the subject.</summary>
    private static void AddPersonalFacts(AccountText account, List<(int Start, int Length)> firstPerson, List<(string Kind, int Start, int End, string Why)> flags)
    {
        var text = account.Text;
        foreach (var (regex, why) in new[]
        {
            (ReporterFacts.Age(), "the reporter's age or school year"),
            (ReporterFacts.WhoIAm(), "who the reporter is (nationality, faith, community or health)"),
            (ReporterFacts.MyStatus(), "the reporter's immigration status"),
            (ReporterFacts.MyHealth(), "the reporter's health or care"),
            (ReporterFacts.MyReferenceOrSchool(), "the reporter's own reference, school or college"),
        })
            foreach (var m in account.MatchesIn(regex, firstPerson))
            {
                if (InQuotes(text, m.Index)) continue;
                if (regex == ReporterFacts.Age() && ReporterFacts.NotAnAge().IsMatch(text.AsSpan(m.Index + m.Length))) continue;
                flags.Add((ReporterFlagKinds.PersonalDetail, m.Index, m.Index + m.Length, why));
            }
    }
}
