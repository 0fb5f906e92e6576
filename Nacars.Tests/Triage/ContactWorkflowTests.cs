using Nacars.Core.Contacts;

namespace Nacars.Tests.Triage;

public class ContactWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 21, 47, 0, DateTimeKind.Utc);
    private const string Analyst = "analyst@demo.nacars.test";
    private const string Other = "analyst2@demo.nacars.test";

    internal static Contact NewContact(bool urgent = false, string force = "kent") => Contact.Receive(Reference.NewReference(), Channel.Online, Now, new ReportedFacts
    {
        Account = "An officer took cash for information.",
        Categories = ["money-or-favours"],
        ForceCode = force,
        Subject = new SubjectDetails("Daniel Hart", "PC", "4471", "Maidstone"),
        WhenHappened = "Friday",
        WhereHappened = "Car park",
        HowKnown = "I saw it",
        ImmediateDanger = urgent,
    }, "hash");

    internal static Contact ReadyToSend(bool urgent = false)
    {
        var c = NewContact(urgent);
        c.Claim(Analyst, Now);
        foreach (var check in Enum.GetValues<ThresholdCheck>()) c.Tick(check, true, Analyst, Now);
        c.WriteSanitisedAccount("An officer is alleged to have taken cash.", Analyst);
        c.Grade(new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Analyst);
        return c;
    }

    [Fact]
    public void A_new_contact_is_New_and_urgent_when_someone_is_in_danger()
    {
        var c = NewContact(urgent: true);
        Assert.Equal(ContactStatus.New, c.Status);
        Assert.True(c.Urgent);
        Assert.Equal("kent", c.ForceCode);
    }

    [Fact]
    public void Claim_moves_to_InTriage_and_a_second_analyst_cannot_claim()
    {
        var c = NewContact();
        c.Claim(Analyst, Now);
        Assert.Equal(ContactStatus.InTriage, c.Status);
        Assert.Equal(Analyst, c.ClaimedBy);
        var ex = Assert.Throws<ContactChangedException>(() => c.Claim(Other, Now));
        Assert.Contains("already been claimed by " + Analyst, ex.Message);
    }

    [Fact]
    public void Release_returns_the_contact_to_the_queue_only_for_the_claimant()
    {
        var c = NewContact();
        c.Claim(Analyst, Now);
        Assert.Throws<ContactChangedException>(() => c.Release(Other));
        c.Release(Analyst);
        Assert.Equal(ContactStatus.New, c.Status);
        Assert.Null(c.ClaimedBy);
    }

    [Fact]
    public void Nothing_can_be_changed_without_claiming_first()
    {
        var c = NewContact();
        var ex = Assert.Throws<DomainRuleException>(() => c.Tick(ThresholdCheck.AboutPolice, true, Analyst, Now));
        Assert.Contains("Claim", ex.Message);
    }

    [Fact]
    public void Disseminate_needs_all_three_threshold_ticks()
    {
        var c = ReadyToSend();
        c.Tick(ThresholdCheck.NotPersonalComplaint, false, Analyst, Now);
        var ex = Assert.Throws<DomainRuleException>(() => c.Disseminate(Analyst, Now, Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(c).Count));
        Assert.Contains("threshold", ex.Message);
        Assert.Equal(ContactStatus.InTriage, c.Status);
    }

    [Fact]
    public void An_urgent_contact_needs_a_fast_time_call_before_it_is_sent()
    {
        var c = ReadyToSend(urgent: true);
        Assert.Throws<DomainRuleException>(() => c.Disseminate(Analyst, Now, Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(c).Count));
        c.LogFastTimeCall(new FastTimeCall(Now, "01632 960000", "Insp. Rowe", "Accepted; unit dispatched", Analyst), Analyst, Now);
        c.Disseminate(Analyst, Now, Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(c).Count);
        Assert.Equal(ContactStatus.Disseminated, c.Status);
    }

    [Fact]
    public void A_contact_for_an_unknown_force_cannot_be_sent()
    {
        var c = NewContact(force: "unknown");
        c.Claim(Analyst, Now);
        Assert.Contains(c.WhatBlocksDissemination(Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(c).Count), b => b.Contains("force"));
    }

    [Fact]
    public void A_decided_contact_cannot_be_claimed_or_decided_again()
    {
        var c = ReadyToSend();
        c.Disseminate(Analyst, Now, Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(c).Count);
        Assert.Throws<DomainRuleException>(() => c.Claim(Other, Now));
        Assert.Throws<DomainRuleException>(() => c.DecideNotToDisseminate(NotDisseminatedReason.MaliciousOrTest, null, Analyst, Now));
    }

    [Fact]
    public void Not_disseminated_as_a_personal_complaint_must_record_the_signposting()
    {
        var c = NewContact();
        c.Claim(Analyst, Now);
        Assert.Throws<DomainRuleException>(() => c.DecideNotToDisseminate(NotDisseminatedReason.PersonalComplaint, " ", Analyst, Now));
        c.DecideNotToDisseminate(NotDisseminatedReason.PersonalComplaint, "Signposted to the IOPC", Analyst, Now);
        Assert.Equal(ContactStatus.NotDisseminated, c.Status);
        Assert.Equal(Analyst, c.DecidedBy);
    }

    [Fact]
    public void Only_a_disseminated_contact_can_be_rerouted_and_only_to_a_different_real_force()
    {
        var c = ReadyToSend();
        Assert.Throws<DomainRuleException>(() => c.Reroute("met", "Subject moved force"));
        c.Disseminate(Analyst, Now, Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(c).Count);
        Assert.Throws<DomainRuleException>(() => c.Reroute("kent", "Same force"));
        Assert.Throws<DomainRuleException>(() => c.Reroute("unknown", "No force"));
        c.Reroute("met", "Subject transferred to the Met");
        Assert.Equal("met", c.ForceCode);
        Assert.Equal(("kent", Analyst), (c.DecidedForceCode, c.DecidedBy)); // the decision stays the one made
    }

    [Fact]
    public void Every_change_bumps_the_concurrency_version()
    {
        var c = NewContact();
        var before = c.Version;
        c.Claim(Analyst, Now);
        Assert.True(c.Version > before);
    }

    [Fact]
    public void Grading_rules_are_enforced()
    {
        var c = NewContact();
        c.Claim(Analyst, Now);
        Assert.Throws<DomainRuleException>(() => c.Grade(new Grading(SourceEvaluation.Reliable, (IntelligenceAssessment)6, HandlingCode.P, null), Analyst));
        Assert.Throws<DomainRuleException>(() => c.Grade(new Grading(SourceEvaluation.Reliable, IntelligenceAssessment.B, HandlingCode.C, ""), Analyst));
        c.Grade(new Grading(SourceEvaluation.Reliable, IntelligenceAssessment.B, HandlingCode.C, "Not to be disclosed to the subject's team"), Analyst);
        Assert.Equal(HandlingCode.C, c.Grading!.Handling);
    }
}
