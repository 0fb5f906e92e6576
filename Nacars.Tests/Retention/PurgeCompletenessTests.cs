using System.Reflection;
using System.Runtime.CompilerServices;
using Nacars.Core.Contacts;

namespace Nacars.Tests.Retention;

/// <summary>
/// Threat-model row I4, and the trap of adding a field: every string a contact holds (its own, and those of the values
/// it is made of) is filled with a canary by reflection, the contact is purged, and no canary may be left. A field added
/// later is filled too, so it fails here until the purge clears it or it joins <see cref="KeptByDesign"/> with a reason.
/// Follow-ups, questions and files are rows of their own, deleted by the retention service (<see cref="RetentionTests"/>).
/// </summary>
public class PurgeCompletenessTests
{
    /// <summary>What a purge keeps on purpose: codes and staff names the figures and the audit need, nothing a reporter said.</summary>
    private static readonly HashSet<string> KeptByDesign =
    [
        "Contact.Reference", "Contact.Reported.ForceCode", "Contact.ForceCode", "Contact.DecidedForceCode", // codes
        "Contact.Reported.Categories", "Contact.Categories", // categories from a fixed list
        "Contact.ClaimedBy", "Contact.DecidedBy", "Contact.Reported.Call.TakenBy", // staff
        "Contact.Checklist.CorroborableDetail.By", "Contact.Checklist.AboutPolice.By", "Contact.Checklist.NotPersonalComplaint.By",
    ];

    private static readonly HashSet<string> RowsOfTheirOwn = ["Contact.FollowUps", "Contact.Questions", "Contact.Attachments"];

    [Fact]
    public void A_purge_leaves_no_canary_in_any_string_of_the_contact_or_of_the_values_it_holds()
    {
        var contact = (Contact)RuntimeHelpers.GetUninitializedObject(typeof(Contact));
        Fill(contact, "Contact");
        Set(contact, nameof(Contact.Status), ContactStatus.NotDisseminated);
        var filled = Strings(contact, "Contact").Where(s => s.Value.Contains("CANARY", StringComparison.Ordinal)).Select(s => s.Path).ToList();
        // The filling reached the fields, every string of what the reporter said among them.
        var reportedStrings = Strings(RuntimeHelpers.GetUninitializedObject(typeof(ReportedFacts)), "Contact.Reported")
            .Select(s => s.Path).Concat(["Contact.Reported.Account", "Contact.Reported.Reporter.Phone", "Contact.Reported.Subject.Name"]).Distinct();
        Assert.All(reportedStrings.Where(p => !KeptByDesign.Contains(p)), p => Assert.Contains(p, filled));
        Assert.Contains("Contact.Grading.HandlingConditions", filled);
        Assert.Contains("Contact.FlagDecisions[].Reason", filled);

        contact.Purge(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var left = Strings(contact, "Contact").Where(s => s.Value.Contains("CANARY", StringComparison.Ordinal)).Select(s => s.Path).ToList();
        Assert.Empty(left);
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0);

    private static bool IsValue(Type type) => type.Namespace == typeof(Contact).Namespace && type.IsClass && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    /// <summary>Every string (and list of strings) reachable from <paramref name="target"/> becomes a canary naming its path.</summary>
    private static void Fill(object target, string path)
    {
        foreach (var property in Settable(target.GetType()))
        {
            var at = $"{path}.{property.Name}";
            if (KeptByDesign.Contains(at) || RowsOfTheirOwn.Contains(at)) continue;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(string)) property.SetValue(target, "CANARY " + at);
            else if (type.IsAssignableFrom(typeof(List<string>))) property.SetValue(target, new List<string> { "CANARY " + at });
            else if (type.IsGenericType && type.IsAssignableFrom(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0])) && IsValue(type.GetGenericArguments()[0]))
            {
                var item = RuntimeHelpers.GetUninitializedObject(type.GetGenericArguments()[0]);
                Fill(item, at + "[]");
                var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]))!;
                list.Add(item);
                property.SetValue(target, list);
            }
            else if (IsValue(type))
            {
                var value = property.GetValue(target) ?? RuntimeHelpers.GetUninitializedObject(type);
                if (ReferenceEquals(value, property.GetValue(target))) value = Clone(value); // shared instances such as SubjectDetails.None
                Fill(value, at);
                property.SetValue(target, value);
            }
        }
    }

    private static object Clone(object value) =>
        value.GetType().GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(value, null)!;

    private static void Set(object target, string name, object value) => target.GetType().GetProperty(name)!.SetValue(target, value);

    private static IEnumerable<(string Path, string Value)> Strings(object? target, string path)
    {
        if (target is null) yield break;
        foreach (var property in target.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Where(p => p.GetIndexParameters().Length == 0))
        {
            var at = $"{path}.{property.Name}";
            if (RowsOfTheirOwn.Contains(at) || property.Name == "EqualityContract") continue;
            var value = property.GetValue(target);
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (value is string s) yield return (at, s);
            else if (value is IEnumerable<string> strings) foreach (var item in strings) yield return (at, item);
            else if (value is System.Collections.IEnumerable items && type.IsGenericType && IsValue(type.GetGenericArguments()[0]))
            {
                foreach (var item in items) foreach (var found in Strings(item, at + "[]")) yield return found;
            }
            else if (IsValue(type)) foreach (var found in Strings(value, at)) yield return found;
        }
    }
}
