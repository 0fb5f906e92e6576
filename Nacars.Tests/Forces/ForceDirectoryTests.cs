using Nacars.Core.Forces;

namespace Nacars.Tests.Forces;

public class ForceDirectoryTests
{
    [Fact]
    public void The_directory_has_49_entries_with_unique_codes()
    {
        Assert.Equal(49, ForceDirectory.Entries.Count);
        Assert.Equal(49, ForceDirectory.Entries.Select(e => e.Code).Distinct().Count());
        Assert.Contains(ForceDirectory.Entries, e => e.Name == "Avon and Somerset Police");
        Assert.Contains(ForceDirectory.Entries, e => e.Name == "Wiltshire Police");
        Assert.Contains(ForceDirectory.Entries, e => e.Code == "met");
        Assert.Contains(ForceDirectory.Entries, e => e.Code == "unknown");
        Assert.All(ForceDirectory.Entries, e => Assert.Matches("^[a-z]+(-[a-z]+)*$", e.Code));
    }

    [Fact]
    public void Demo_mailboxes_use_a_reserved_example_domain_and_real_seeds_have_none()
    {
        Assert.All(ForceDirectory.Seed(withDemoContacts: true).Where(f => !f.IsUnknown), f => Assert.EndsWith("@example.org", f.NominatedMailbox));
        Assert.All(ForceDirectory.Seed(withDemoContacts: false), f => Assert.Null(f.NominatedMailbox));
    }

    [Theory]
    // 29 March 2026: clocks go forward at 01:00 UTC. 07:30 UTC is 08:30 BST (in hours) after, 07:30 GMT before.
    [InlineData("2026-03-27T07:30:00Z", false)] // Friday, GMT: 07:30 local, before 08:00
    [InlineData("2026-03-30T07:30:00Z", true)]  // Monday, BST: 08:30 local
    [InlineData("2026-10-23T17:30:00Z", false)] // Friday, BST: 18:30 local, closed
    [InlineData("2026-10-26T17:30:00Z", true)]  // Monday, GMT: 17:30 local, open
    [InlineData("2026-11-28T12:00:00Z", false)] // Saturday
    public void Fast_time_contact_follows_UK_office_hours_across_clock_changes(string utc, bool inHours)
    {
        var force = new Force("kent", "Kent Police", "a@example.org", "in-hours desk", "control room");
        var contact = force.FastTimeContactAt(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), bankHoliday: false);
        Assert.Equal(inHours, contact.InHours);
        Assert.Equal(inHours ? "in-hours desk" : "control room", contact.Contact);
    }

    [Fact]
    public void A_force_with_contacts_to_send_cannot_lose_its_mailbox_and_addresses_are_validated()
    {
        var force = new Force("kent", "Kent Police", "a@example.org", null, null);
        Assert.Throws<Nacars.Core.Contacts.DomainRuleException>(() => force.Update("", null, null, new(8, 0), new(18, 0), hasContactsToSend: true));
        Assert.Throws<Nacars.Core.Contacts.DomainRuleException>(() => force.Update("not an address", null, null, new(8, 0), new(18, 0), false));
        force.Update("acu@kent.example.org", "01632 960001", null, new(9, 0), new(17, 0), true);
        Assert.Equal("acu@kent.example.org", force.NominatedMailbox);
    }
}
