using Nacars.Core.Forces;
using Nacars.Core.Assistance;

namespace Nacars.Tests.Triage.Assistance;

public class ForceSuggestionTests
{
    private static IReadOnlyList<ForceSuggestion> Suggest(string text) => AccountAnalyser.SuggestForces(text);

    [Theory]
    [InlineData("I run a shop on Leek Road in Hanley and PC 2317 takes envelopes.", "staffordshire")]
    [InlineData("A PC at Trinity Road police station in Bristol is using the PNC.", "avon-and-somerset")]
    [InlineData("Thon polis fae Helen Street is punting hash roon Govan.", "scotland")]
    [InlineData("A peeler from Strand Road station has been texting my cousin in the Bogside.", "psni")]
    [InlineData("The officer works out of Gablecross and lives in Swindon.", "wiltshire")]
    [InlineData("A sergeant at Bell Street police station in Dundee leaks searches.", "scotland")]
    [InlineData("coppers in oldham r all on the take", "greater-manchester")]
    // A station name several forces share, settled by the town beside it (issue 27).
    [InlineData("PC Daniel Hartley, who is based at Bridewell police station in Bristol, takes cash on Stapleton Road.", "avon-and-somerset")]
    [InlineData("A sergeant at the Bridewell in Norwich keeps leaking addresses.", "norfolk")]
    [InlineData("The custody sergeant at Bridewell police station in Nottingham took money off my brother.", "nottinghamshire")]
    [InlineData("An officer at Bridewell police station in Liverpool is selling seized phones.", "merseyside")]
    [InlineData("Constable Iain Dow, based at St Leonard's in Edinburgh, tipped off the garage.", "scotland")]
    [InlineData("pc 4410 who works out of queens road in peckham takes fags from the shop", "met")]
    // A town's police, a building named after its town, a lower-case town in a lower-case account, a town's nickname.
    [InlineData("The whole of Guildford police are corrupt from top to bottom.", "surrey")]
    [InlineData("On Saturday I was stopped on Abbeygate Street in Bury St Edmunds by a PC.", "suffolk")]
    [InlineData("The community support officer drinks free in my pub near Blackpool Town Hall while on duty.", "lancashire")]
    [InlineData("in bath theres a police car that keeps pulling up by the taxi rank at 2am and the officer offers girls lifts", "avon-and-somerset")]
    [InlineData("my uncle reckons a copper in donny is in with the lads who sell and tips them off", "south-yorkshire")]
    // A town misspelt as it sounds or as fingers slip, and a town's nickname.
    [InlineData("ther is a copper in hudersfeild wiv a big ginger beerd hoo sells the durgs", "west-yorkshire")]
    [InlineData("i was arested and took to middlesbruogh custidy and the pc tuk my money", "cleveland")]
    [InlineData("a copper in darlo sells vapes at the skatepark", "durham")]
    // A postcode district given on its own, as a sign-off or after a street.
    [InlineData("A PC took cash off my nan and another one watched. PL1 if it helps.", "devon-and-cornwall")]
    [InlineData("The officers raided number 23 on Park Lane N17 last week, the wrong house.", "met")]
    public void Ranks_the_force_of_the_places_and_stations_first(string text, string code)
    {
        var top = Suggest(text);
        Assert.Equal(code, top[0].Code);
        Assert.Equal(ForceDirectory.NameOf(code), top[0].Name);
        Assert.InRange(top[0].Score, 0.0001, 1.0);
        Assert.Contains("→", top[0].Why);
    }

    [Theory]
    [InlineData("Thon polis that drives the van took ma phone aff me and never gied it back.", "scotland", "'polis' is Scots")]
    [InlineData("A peeler lifted my brother for nothing and sells the weed he takes off people.", "psni", "'peeler' is Northern Irish")]
    [InlineData("dis bizzie keeps robbin the lads on the estate and sellin it back", "merseyside", "'bizzie' is Scouse")]
    public void With_no_place_named_how_the_account_speaks_suggests_the_force_and_says_so(string text, string code, string why)
    {
        var top = Suggest(text);
        Assert.Equal(code, top[0].Code);
        Assert.Contains(why, top[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_place_named_outweighs_how_the_account_speaks_and_dialect_adds_nothing_beside_it()
    {
        var top = Suggest("A polis in Cardiff took ma phone aff me outside the castle.");
        Assert.Equal("south-wales", top[0].Code);
        Assert.DoesNotContain(top, f => f.Code == "scotland");
    }

    [Fact]
    public void A_misspelt_town_says_what_it_was_read_as_and_everyday_words_are_not_towns()
    {
        var found = AccountAnalyser.Analyse("the pc from darlinton watched him complain about the batteries");
        var place = Assert.Single(found, e => e.Kind == EntityKinds.Place);
        Assert.Equal("darlinton", place.Text);
        Assert.Contains("Darlington", place.Why, StringComparison.Ordinal);
        // Capitalised near-misses are usually surnames (Wadsworth is one letter from Wandsworth).
        Assert.Empty(Suggest("PC Wadsworth watched him complain about the batteries"));
    }

    [Fact]
    public void Evidence_names_the_place_and_the_force()
    {
        var top = Suggest("I run a shop in Hanley.");
        Assert.Contains("Hanley → Staffordshire Police", top[0].Why);
    }

    [Theory]
    [InlineData("There's a transport police officer on the concourse at Manchester Piccadilly following a drunk girl.", "btp", "greater-manchester")]
    [InlineData("One of the MOD Police officers on the main gate at AWE Aldermaston takes cash.", "mod", "thames-valley")]
    [InlineData("An armed officer at Sellafield, the Civil Nuclear lot, sells coke in Whitehaven.", "cnc", "cumbria")]
    [InlineData("A guard on the gate at Faslane waves vans through.", "mod", "scotland")]
    [InlineData("The officer at Hinkley Point deals in Bridgwater.", "cnc", "avon-and-somerset")]
    public void Railway_defence_and_nuclear_sites_put_the_special_force_first_and_the_territorial_one_next(string text, string first, string alternative)
    {
        var codes = Suggest(text).Select(f => f.Code).ToList();
        Assert.Equal(first, codes[0]);
        Assert.Contains(alternative, codes.Take(3));
    }

    [Fact]
    public void An_ambiguous_town_carries_every_force_it_could_be()
    {
        var codes = Suggest("Heard a copper in Newport is on the take.").Select(f => f.Code).ToList();
        Assert.Equal("gwent", codes[0]);
        Assert.Contains("hampshire", codes);
        Assert.Contains("west-mercia", codes);
    }

    [Fact]
    public void A_second_place_settles_an_ambiguous_town()
    {
        Assert.Equal("hampshire", Suggest("A copper in Newport, over near Ryde and Cowes, is on the take.")[0].Code);
        Assert.Equal("dorset", Suggest("The officer lives in Gillingham near Shaftesbury.")[0].Code);
        Assert.Equal("kent", Suggest("The officer lives in Gillingham near Chatham.")[0].Code);
    }

    [Theory]
    [InlineData("He's one of the Staffordshire lot.", "staffordshire")]
    [InlineData("I reported it to the Met twice.", "met")]
    [InlineData("A sergeant in West Yorkshire Police hits his wife.", "west-yorkshire")]
    [InlineData("The PSNI officer lives near me.", "psni")]
    [InlineData("It was a British Transport Police officer.", "btp")]
    [InlineData("Kent Police crest on the tags.", "kent")]
    public void Explicit_and_informal_force_names_count(string text, string code) =>
        Assert.Equal(code, Suggest(text)[0].Code);

    [Fact]
    public void Met_as_a_verb_is_not_the_Met() =>
        Assert.DoesNotContain(Suggest("I met him in Hanley."), f => f.Code == "met");

    [Fact]
    public void No_place_no_suggestion() =>
        Assert.Empty(Suggest("Police in this country are a joke."));

    [Fact]
    public void The_gazetteer_is_a_versioned_data_file_covering_every_force()
    {
        var g = Gazetteer.Instance;
        Assert.NotEqual("unversioned", g.Version);
        Assert.Contains(g.Sources, s => s.Contains("ONS", StringComparison.Ordinal));
        Assert.True(g.Count > 5000, $"only {g.Count} rows");
        foreach (var (code, name) in ForceDirectory.Entries.Where(e => e.Code != "unknown"))
            Assert.True(Suggest($"It happened in {Probe(code)}.").Any(f => f.Code == code) || code is "btp" or "mod" or "cnc", $"no place found for {name}");
    }

    // One district per territorial force, each looked up through the gazetteer like any account.
    private static string Probe(string code) => code switch
    {
        "avon-and-somerset" => "Sedgemoor", "bedfordshire" => "Central Bedfordshire", "cambridgeshire" => "Fenland", "cheshire" => "Halton",
        "city-of-london" => "Cheapside", "cleveland" => "Redcar and Cleveland", "cumbria" => "Copeland", "derbyshire" => "Amber Valley",
        "devon-and-cornwall" => "Torridge", "dorset" => "Dorchester", "durham" => "Spennymoor", "dyfed-powys" => "Ceredigion", "essex" => "Uttlesford",
        "gloucestershire" => "Forest of Dean", "greater-manchester" => "Tameside", "gwent" => "Torfaen", "hampshire" => "Test Valley",
        "hertfordshire" => "Dacorum", "humberside" => "Goole", "kent" => "Tunbridge Wells", "lancashire" => "Hyndburn", "leicestershire" => "Charnwood",
        "lincolnshire" => "East Lindsey", "merseyside" => "Knowsley", "met" => "Tower Hamlets", "norfolk" => "Breckland", "north-wales" => "Gwynedd",
        "north-yorkshire" => "Ryedale", "northamptonshire" => "Kettering", "northumbria" => "Sunderland", "nottinghamshire" => "Bassetlaw",
        "south-wales" => "Rhondda Cynon Taf", "south-yorkshire" => "Rotherham", "staffordshire" => "Cannock Chase", "suffolk" => "Babergh",
        "surrey" => "Spelthorne", "sussex" => "Wealden", "thames-valley" => "Cherwell", "warwickshire" => "Nuneaton and Bedworth",
        "west-mercia" => "Wyre Forest", "west-midlands" => "Sandwell", "west-yorkshire" => "Calderdale", "wiltshire" => "Swindon",
        "scotland" => "Clackmannanshire", "psni" => "Fermanagh and Omagh", _ => "nowhere",
    };

    [Fact]
    public void The_town_beside_an_ambiguous_station_is_named_as_what_decided()
    {
        var top = Suggest("PC Daniel Hartley, based at Bridewell police station in Bristol, takes cash.");
        Assert.Single(top);
        Assert.Contains("Bridewell (police station; 'Bristol' beside it decides the force)", top[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subjects_workplace_in_the_contacts_fields_counts_for_the_force_and_says_so()
    {
        var top = AccountAnalyser.Assist("He takes money from dealers every Friday.", null, new Nacars.Core.Contacts.SubjectDetails("Mark", "Sergeant", null, "Birmingham")).Forces;
        Assert.Equal("west-midlands", top[0].Code);
        Assert.Contains("the subject's workplace, as given", top[0].Why, StringComparison.Ordinal);
    }
}
