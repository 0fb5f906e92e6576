using Nacars.Core.Contacts;
using Nacars.Core.Triage;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage;

/// <summary>The search form's two translations: to the filter the database runs, and to the address, which must never
/// carry the subject's number or surname.</summary>
public class QueueSearchFieldsTests
{
    [Fact]
    public void The_address_round_trips_every_filter_but_the_subject_and_never_holds_the_subject()
    {
        var fields = new QueueSearchFields
        {
            Status = StatusFilter.Any, Force = "gwent", Channel = "Telephone", Urgent = "yes", AnalystId = "a-1",
            From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30), Reference = "  NAC-ABCD-1234 ",
            SubjectNumber = "PC 1234", SubjectSurname = "Fairweather",
        };

        var address = fields.ToAddress();
        var written = string.Join("&", address.Select(kv => $"{kv.Key}={kv.Value}"));
        Assert.DoesNotContain("PC 1234", written, StringComparison.Ordinal);
        Assert.DoesNotContain("Fairweather", written, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("NAC-ABCD-1234", address["ref"]);

        var read = new QueueSearchFields();
        read.ReadAddress((string?)address["status"], (string?)address["force"], (string?)address["channel"], (string?)address["urgent"],
            (string?)address["analyst"], (string?)address["from"], (string?)address["to"], (string?)address["ref"]);
        Assert.Equal(fields.ToFilter("analyst@x") with { SubjectNumber = null, SubjectSurname = null }, read.ToFilter("analyst@x"));
    }

    [Fact]
    public void The_default_view_has_an_empty_address_and_unrecognised_values_are_left_out()
    {
        Assert.All(new QueueSearchFields().ToAddress().Values, Assert.Null);

        var read = new QueueSearchFields();
        read.ReadAddress("Everything", "gwent", "Pigeon", "maybe", null, "30/11/2026", "not a date", null);
        Assert.Equal(new QueueFilter(StatusFilter.Open, "gwent", null, null, null, null, null, null, null, null), read.ToFilter(null));
        Assert.Equal(Channel.Online, new QueueSearchFields { Channel = "Online" }.ToFilter(null).Channel);
    }
}
