using Nacars.Core.Contacts;
using Nacars.Core.Assistance;

namespace Nacars.Tests.Triage.Assistance;

public class RelatedIdentifiersTests
{
    [Fact]
    public void Normalises_each_kind_of_identifier()
    {
        var ids = RelatedIdentifiers.From(
            "PC 2317 Lee Brannigan from hanley nick drives bv19 rko, texts from 07700 900552, emails Lee.B@Example.com and posts as @Lee_B99.",
            null, "staffordshire");
        Assert.Contains(new RelatedIdentifier(RelatedKinds.Collar, "2317|staffordshire"), ids);
        Assert.Contains(new RelatedIdentifier(RelatedKinds.Vrm, "BV19RKO"), ids);
        Assert.Contains(new RelatedIdentifier(RelatedKinds.Phone, "+447700900552"), ids);
        Assert.Contains(new RelatedIdentifier(RelatedKinds.Email, "lee.b@example.com"), ids);
        Assert.Contains(new RelatedIdentifier(RelatedKinds.Handle, "lee_b99"), ids);
        Assert.Contains(new RelatedIdentifier(RelatedKinds.SurnameForce, "BRANNIGAN|staffordshire"), ids);
        Assert.Contains(new RelatedIdentifier(RelatedKinds.SurnameStation, "BRANNIGAN|hanley"), ids);
    }

    [Fact]
    public void Subject_fields_add_to_what_the_account_says()
    {
        var ids = RelatedIdentifiers.From("He takes money from dealers.", new SubjectDetails("Stuart Pell", "DC", "218845", "Lewisham police station"), "met");
        Assert.Contains(new RelatedIdentifier(RelatedKinds.Collar, "218845|met"), ids);
        Assert.Contains(new RelatedIdentifier(RelatedKinds.SurnameStation, "PELL|lewisham"), ids);
        Assert.Contains(new RelatedIdentifier(RelatedKinds.SurnameForce, "PELL|met"), ids);
    }

    [Theory]
    [InlineData("Helen Street police office", "helen street")]
    [InlineData("Helen Street", "helen street")]
    [InlineData("hanley nick", "hanley")]
    [InlineData("Stevenage custody suite", "stevenage")]
    public void Station_names_fold_to_their_head(string station, string expected) =>
        Assert.Equal(expected, RelatedIdentifiers.NormaliseStation(station));

    [Theory]
    [InlineData("@TV_Deals_Medway", "tv_deals_medway")]
    [InlineData("snap: wayne.a.1954", "wayne.a.1954")]
    [InlineData("insta tv_deals_medway", "tv_deals_medway")]
    public void Handles_fold_to_lower_case_without_platform_or_at(string handle, string expected) =>
        Assert.Equal(expected, RelatedIdentifiers.NormaliseHandle(handle));

    [Fact]
    public void With_no_force_given_the_top_suggested_force_is_used()
    {
        var ids = RelatedIdentifiers.From("PC 2317 in Hanley took cash.", null, null);
        Assert.Contains(new RelatedIdentifier(RelatedKinds.Collar, "2317|staffordshire"), ids);
    }
}

public class RelatedScoreTests
{
    private static IReadOnlySet<RelatedIdentifier> Ids(string text, string force) => RelatedIdentifiers.From(text, null, force);

    [Fact]
    public void Same_collar_number_in_the_same_force_links_with_a_reason()
    {
        var (score, reasons) = RelatedScore.Score(Ids("A uniformed officer, PC 2317, took an envelope in Hanley.", "staffordshire"),
            Ids("My cousin says the copper's collar number 2317 was on a photo.", "staffordshire"));
        Assert.True(score >= RelatedScore.Threshold);
        Assert.Contains("same collar number 2317 in Staffordshire Police", reasons);
    }

    [Fact]
    public void Near_miss_decoys_do_not_link()
    {
        // Transposed digits, another force.
        var g1 = Ids("PC 2317 Lee Brannigan takes envelopes in Hanley.", "staffordshire");
        var decoy = Ids("His colleague called him Lee, and his number was PC 2371.", "west-midlands");
        Assert.True(RelatedScore.Score(g1, decoy).Score < RelatedScore.Threshold);
        // Same first name, different surname and force.
        var pell = Ids("DC Stuart Pell from Lewisham police station messages victims.", "met");
        var lyall = Ids("DC Stuart Lyall from John Street police station messaged my sister.", "sussex");
        Assert.Equal(0, RelatedScore.Score(pell, lyall).Score);
        // Same first name, same force, different number.
        var coyle = Ids("PC 4417 Liam Coyle from Walsall police station sells cannabis.", "west-midlands");
        var liam = Ids("There's a PC called Liam at Wolverhampton police station, PC 4471.", "west-midlands");
        Assert.True(RelatedScore.Score(coyle, liam).Score < RelatedScore.Threshold);
    }

    [Fact]
    public void Differently_written_accounts_of_one_officer_link()
    {
        var a = Ids("The detective is DC Stuart Pell from Lewisham police station.", "met");
        var b = Ids("The officer was a detective called Stu Pell; he texts from 07700 900418.", "met");
        var (score, reasons) = RelatedScore.Score(a, b);
        Assert.True(score >= RelatedScore.Threshold);
        Assert.Contains(reasons, r => r.Contains("PELL", StringComparison.Ordinal));
    }

    [Fact]
    public void A_surname_in_the_same_force_is_a_lead_but_the_full_name_links()
    {
        var barr = Ids("A sergeant at Beaumont Leys police station, Sgt Neville Barr, lends out seized cars.", "leicestershire");
        var other = Ids("There is a sergeant at Leicester called Barr in the traffic unit who helped my mum.", "leicestershire");
        var (lead, reasons) = RelatedScore.Score(barr, other);
        Assert.True(lead > 0 && lead < RelatedScore.Threshold, $"score {lead}");
        Assert.Contains("same surname BARR in Leicestershire Police", reasons);
        var again = Ids("PC Neville Barr took the keys again.", "leicestershire");
        Assert.True(RelatedScore.Score(barr, again).Score >= RelatedScore.Threshold);
    }

    [Fact]
    public void A_common_surname_in_the_same_force_alone_is_not_enough()
    {
        var a = Ids("PC Smith from Brixton police station hit him.", "met");
        var b = Ids("A copper called Smith in Hackney is dealing.", "met");
        Assert.True(RelatedScore.Score(a, b).Score < RelatedScore.Threshold);
    }

    [Fact]
    public void Rank_orders_candidates_by_score_and_leaves_out_strangers()
    {
        var me = Ids("PC 2317 Lee Brannigan, grey Audi BV19 RKO, Hanley.", "staffordshire");
        var ranked = RelatedScore.Rank(me,
        [
            ("NAC-AAAA-AAAA", Ids("lee from hanley nick wiv the grey audi BV19 RKO", "staffordshire")),
            ("NAC-BBBB-BBBB", Ids("A copper called Brannigan sells information in Hanley.", "staffordshire")),
            ("NAC-CCCC-CCCC", Ids("PC 2371 on Soho Road in Handsworth.", "west-midlands")),
        ]);
        Assert.Equal(["NAC-AAAA-AAAA", "NAC-BBBB-BBBB"], ranked.Select(r => r.Reference));
        Assert.True(ranked[0].Score >= ranked[1].Score);
        Assert.NotEmpty(ranked[0].Reasons);
    }
}
