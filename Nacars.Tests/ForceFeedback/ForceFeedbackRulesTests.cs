using Nacars.Core.Contacts;
using Nacars.Core.ForceFeedback;
using Nacars.Core.Supervision;

namespace Nacars.Tests.ForceFeedback;

/// <summary>The rules under issue 29's matching and records, one by one.</summary>
public sealed class ForceFeedbackRulesTests
{
    private const string Domain = "nacars.crimestoppers-uk.example";

    [Fact]
    public void Only_our_own_message_ids_name_a_dissemination()
    {
        var id = Guid.CreateVersion7();
        Assert.Equal(id, ReplyMatcher.DisseminationIdIn($"{id:N}@{Domain}", Domain));
        Assert.Equal(id, ReplyMatcher.DisseminationIdIn($"reminder-{id:N}@{Domain.ToUpperInvariant()}", Domain));
        Assert.Null(ReplyMatcher.DisseminationIdIn($"{id:N}@force.example", Domain));
        Assert.Null(ReplyMatcher.DisseminationIdIn($"monthly-pack-kent-2026-11@{Domain}", Domain));
        Assert.Null(ReplyMatcher.DisseminationIdIn("not-a-message-id", Domain));
        Assert.Null(ReplyMatcher.DisseminationIdIn($"x{id:N}@{Domain}", Domain));
    }

    [Fact]
    public void A_subject_gives_every_well_formed_reference_in_it_whatever_its_case()
    {
        var first = Reference.NewReference();
        var second = Reference.NewReference();
        Assert.Equal([first, second], ReplyMatcher.ReferencesIn($"RE: NACARS information report {first.ToLowerInvariant()} (and {second})"));
        Assert.Empty(ReplyMatcher.ReferencesIn("RE: NAC-IIII-LLLL and NAC-12-34 and nothing else"));
        Assert.Empty(ReplyMatcher.ReferencesIn(""));
    }

    [Theory]
    [InlineData("pecs.duty@example.org", "anti-corruption.kent@example.org", true)]
    [InlineData("PECS@EXAMPLE.ORG", "anti-corruption.kent@example.org", true)]
    [InlineData("someone@evil-example.org", "anti-corruption.kent@example.org", false)]
    [InlineData("someone@sub.example.org", "anti-corruption.kent@example.org", false)]
    [InlineData("", "anti-corruption.kent@example.org", false)]
    [InlineData("no-at-sign", "anti-corruption.kent@example.org", false)]
    public void Only_the_domain_the_report_went_to_counts_as_the_force(string from, string mailbox, bool same) =>
        Assert.Equal(same, ForceReply.SameDomain(from, mailbox));

    [Fact]
    public void An_outcome_is_from_the_list_other_needs_a_note_and_the_date_is_not_in_the_future()
    {
        var now = new DateTime(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
        var today = new DateOnly(2026, 12, 6);
        var other = Assert.Throws<DomainRuleException>(() => new ForceOutcome(Guid.NewGuid(), "NAC-0000-0000", "kent", OutcomeKind.Other, "  ", today, "a", now));
        Assert.Contains("needs a note", other.Message);
        Assert.Throws<DomainRuleException>(() => new ForceOutcome(Guid.NewGuid(), "NAC-0000-0000", "kent", (OutcomeKind)99, null, today, "a", now));
        Assert.Throws<DomainRuleException>(() => new ForceOutcome(Guid.NewGuid(), "NAC-0000-0000", "kent", OutcomeKind.Charged, null, today.AddDays(1), "a", now));
        Assert.Throws<DomainRuleException>(() => new ForceOutcome(Guid.NewGuid(), "NAC-0000-0000", "kent", OutcomeKind.Charged, new string('x', 1001), today, "a", now));
        var charged = new ForceOutcome(Guid.NewGuid(), "NAC-0000-0000", "kent", OutcomeKind.Charged, "  two counts  ", today, "a", now);
        Assert.Equal("two counts", charged.Note);
    }

    [Fact]
    public void The_mailbox_cursor_only_moves_forward_and_starts_again_when_the_folder_is_renumbered()
    {
        var now = DateTime.UtcNow;
        var cursor = new MailboxCursor("inbox", 100, now);
        Assert.Equal(1, cursor.NextUid(100));
        cursor.Advance(100, 7, now);
        cursor.Advance(100, 5, now);
        Assert.Equal(8, cursor.NextUid(100));
        Assert.Equal(1, cursor.NextUid(101));
        cursor.Advance(101, 2, now);
        Assert.Equal((101L, 2L), (cursor.UidValidity, cursor.LastUid));
    }

    [Fact]
    public void Acknowledgement_times_are_the_nearest_rank_median_and_90th_percentile_in_hours()
    {
        Assert.Equal(((double?)null, (double?)null), AcknowledgementTimes.HoursOf([]));
        Assert.Equal(((double?)1.0, (double?)1.0), AcknowledgementTimes.HoursOf([60]));
        // 10 values of 60..600 minutes: median is the 5th (300 min), p90 the 9th (540 min).
        Assert.Equal(((double?)5.0, (double?)9.0), AcknowledgementTimes.HoursOf(Enumerable.Range(1, 10).Select(i => i * 60).Reverse()));
    }
}
