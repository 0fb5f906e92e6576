using Nacars.Core.Contacts;
using Nacars.Core.Events;
using Nacars.Core.Triage;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Tests.Triage;

/// <summary>Where live changes land on one page of the queue (work order: urgent first, then oldest).</summary>
public class QueueRowsTests
{
    private static readonly DateTime Noon = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    private static QueueItem Item(int minute, bool urgent = false, ContactStatus status = ContactStatus.New) =>
        new($"NAC-TEST-{minute:0000}", Noon.AddMinutes(minute), Channel.Online, "kent", "kent", ["corruption"], urgent, status, null, 0);

    private static ContactEventBatch Received(params QueueItem[] items) =>
        new([.. items.Select(i => new ContactEvent(ContactEventKind.ContactReceived, i.Reference, "New", null, i.ReceivedAtUtc, Urgent: i.Urgent))], false);

    private static ContactEventBatch Changed(params QueueItem[] items) =>
        new([.. items.Select(i => new ContactEvent(ContactEventKind.ContactUpdated, i.Reference, "InTriage", "analyst", Noon))], false);

    private static QueueRows Page(int size, bool firstPage, params int[] minutes)
    {
        var rows = new QueueRows(size);
        rows.Show(new QueueFilter(), firstPage, minutes.Select(m => Item(m)), null);
        return rows;
    }

    private static IEnumerable<string> References(QueueRows rows) => rows.Items.Select(i => i.Reference);

    [Fact]
    public void A_new_contact_takes_its_place_in_the_order_and_is_highlighted()
    {
        var rows = Page(10, true, 1, 3);
        var arrived = Item(2);

        Assert.Equal(1, rows.Apply(Received(arrived), [arrived]));

        Assert.Equal(["NAC-TEST-0001", "NAC-TEST-0002", "NAC-TEST-0003"], References(rows));
        Assert.NotNull(rows.FlashOf("NAC-TEST-0002"));
        Assert.Null(rows.FlashOf("NAC-TEST-0001"));
    }

    [Fact]
    public void On_a_full_page_a_newcomer_pushes_the_last_row_to_the_next_page_and_one_that_sorts_after_stays_there()
    {
        var rows = Page(2, true, 1, 3);

        var earlier = Item(2);
        rows.Apply(Received(earlier), [earlier]);
        Assert.Equal(["NAC-TEST-0001", "NAC-TEST-0002"], References(rows));
        Assert.Equal("NAC-TEST-0002", rows.Next?.Reference);

        var later = Item(9);
        Assert.Equal(1, rows.Apply(Received(later), [later])); // counted for the cue, though it is on another page
        Assert.DoesNotContain("NAC-TEST-0009", References(rows));
    }

    [Fact]
    public void A_later_page_does_not_show_a_contact_that_belongs_to_an_earlier_one()
    {
        var rows = Page(10, false, 5, 6);
        var urgent = Item(7, urgent: true);

        rows.Apply(Received(urgent), [urgent]);

        Assert.Equal(["NAC-TEST-0005", "NAC-TEST-0006"], References(rows));
    }

    [Fact]
    public void A_row_flagged_urgent_moves_to_the_top_and_a_claimed_one_changes_in_place()
    {
        var rows = Page(10, true, 1, 2, 3);
        var flagged = Item(3, urgent: true);
        var claimed = Item(2, status: ContactStatus.InTriage);

        Assert.Equal(0, rows.Apply(Changed(flagged, claimed), [flagged, claimed]));

        Assert.Equal(["NAC-TEST-0003", "NAC-TEST-0001", "NAC-TEST-0002"], References(rows));
        Assert.True(rows.Items[0].Urgent);
        Assert.Equal(ContactStatus.InTriage, rows.Items[2].Status);
    }

    [Fact]
    public void A_contact_that_left_the_view_leaves_the_page()
    {
        var rows = Page(10, true, 1, 2);

        rows.Apply(Changed(Item(1, status: ContactStatus.Disseminated)), []);

        Assert.Equal(["NAC-TEST-0002"], References(rows));
    }

    [Fact]
    public void Each_change_to_a_row_alternates_its_highlight_so_the_browser_starts_it_again()
    {
        var rows = Page(10, true, 1);
        var claimed = Item(1, status: ContactStatus.InTriage);

        rows.Apply(Changed(claimed), [claimed]);
        var first = rows.FlashOf("NAC-TEST-0001");
        rows.Apply(Changed(claimed), [claimed]);

        Assert.NotNull(first);
        Assert.NotEqual(first, rows.FlashOf("NAC-TEST-0001"));
    }
}
