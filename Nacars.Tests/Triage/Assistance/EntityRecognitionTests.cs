using Nacars.Core.Assistance;
using static Nacars.Tests.Triage.Assistance.AssistTestKit;

namespace Nacars.Tests.Triage.Assistance;

public class OfficerNumberTests
{
    [Theory]
    [InlineData("A uniformed officer, PC 2317, took the envelope.", "PC 2317")]
    [InlineData("He was PC2317 on the lanyard.", "PC2317")]
    [InlineData("The custody sergeant, PS 1840, refused water.", "PS 1840")]
    [InlineData("It was DCI 4402 who signed it off.", "DCI 4402")]
    [InlineData("A PCSO 7031 was with him.", "PCSO 7031")]
    [InlineData("His collar number 1954 was on his shoulder.", "collar number 1954")]
    [InlineData("He's wearing shoulder number 2741 tonight.", "shoulder number 2741")]
    [InlineData("DC Pell, warrant number 218845, took the numbers.", "warrant number 218845")]
    [InlineData("The number on his shoulder was PC 6129.", "PC 6129")]
    [InlineData("a tall sergeant with PS 1077 on his shoulder", "PS 1077")]
    [InlineData("the copper's collar no. 2317 was on a photo", "collar no. 2317")]
    [InlineData("He has the number 3390 on his shoulder.", "3390")]
    public void Finds_numbers_with_their_rank_or_label(string text, string expected) =>
        Assert.Contains(expected, Found(text, EntityKinds.OfficerNumber));

    [Theory]
    [InlineData("I paid £2,130 and waited 45 minutes at number 22.")]
    [InlineData("Ring 07700 900552 after 4pm.")]
    [InlineData("He follows @pc2317 on Instagram.")]
    [InlineData("The DS 10 pm briefing was cancelled.")]
    public void Does_not_take_money_times_phones_or_handles_for_a_collar_number(string text) =>
        Assert.Empty(Found(text, EntityKinds.OfficerNumber));
}

public class OfficerNameTests
{
    [Theory]
    [InlineData("The detective on her case is DC Stuart Pell from Lewisham police station.", "Stuart Pell")]
    [InlineData("A copper at Stockport police station, PC 9043 LOMAX, ran my car.", "LOMAX")]
    [InlineData("I think the sergeant's name was Pask because the other one shouted it.", "Pask")]
    [InlineData("His colleague told him to calm down and called him Lee, and his number was PC 2371.", "Lee")]
    [InlineData("Everyone knows one of the armed officers up at the site. He goes by Robbo and sells coke.", "Robbo")]
    [InlineData("jamie rourke is a bent busy end of. he works out of kirkby", "jamie rourke")]
    [InlineData("lee from hanley nick has told them bout the raid", "lee")]
    [InlineData("My neighbour Neil Garside is a sergeant in the police.", "Neil Garside")]
    [InlineData("Thon polis Cairns fae the station is punting hash.", "Cairns")]
    [InlineData("A copper he calls Tolley rang him about the warrant.", "Tolley")]
    [InlineData("He flashed his warrant card and said 'do you know who I am, I'm Jamie, I'm police'.", "Jamie")]
    [InlineData("Constable Declan Hanna was in the car park talking to a dealer.", "Declan Hanna")]
    [InlineData("Every Sunday a PCSO, Becky Hollins, fills a basket and walks out.", "Becky Hollins")]
    public void Finds_officer_names_from_ranks_cues_and_descriptions(string text, string expected) =>
        Assert.Contains(expected, Found(text, EntityKinds.OfficerName));

    [Fact]
    public void Later_mentions_and_short_forms_of_a_found_name_are_marked_too()
    {
        var text = "A friend told me he's PC Matthew Rudge. On the app he said he was called Matt. Rudge knows where I live.";
        var names = Found(text, EntityKinds.OfficerName);
        Assert.Contains("Matthew Rudge", names);
        Assert.Contains("Matt", names);
        Assert.Contains("Rudge", names);
    }

    [Theory]
    [InlineData("A housing officer at the council called Mandy is taking cash to move people up the list.")]
    [InlineData("There's a screw at the prison bringing spice in. My cousin says the officer is called Mr Dodds.")]
    [InlineData("The security guards are racist. One of them, a big guy called Shaun, threw us out. They act like police.")]
    [InlineData("There is a WhatsApp group called 'Arpley Lads' with nine officers from the station in it.")]
    public void Does_not_name_civilians_or_groups_as_officers(string text) =>
        Assert.Empty(Found(text, EntityKinds.OfficerName));

    [Fact]
    public void The_reporters_own_name_is_never_an_officer()
    {
        var reporter = new Nacars.Core.Contacts.ReporterDetails(false, "Neil Garside", null, null, false);
        var entities = AccountAnalyser.Analyse("My neighbour Neil Garside is a sergeant in the police.", reporter);
        Assert.DoesNotContain(entities, e => e.Kind == EntityKinds.OfficerName);
    }
}

public class StationAndPlaceTests
{
    [Theory]
    [InlineData("My partner's ex is a PC at Trinity Road police station in Bristol.", "Trinity Road police station")]
    [InlineData("lee from hanley nick the 1 wiv the grey audi", "hanley nick")]
    [InlineData("I work as a detention officer at Stevenage custody and saw it.", "Stevenage custody")]
    [InlineData("an officer based at Helen Street police office in Govan", "Helen Street police office")]
    [InlineData("Thon polis Cairns fae Helen Street is punting hash.", "Helen Street")]
    [InlineData("PC Craig Tinnion from Durranhill in Carlisle is dealing.", "Durranhill")]
    [InlineData("A peeler from Ardmore station in Newry was talking to him.", "Ardmore station")]
    [InlineData("I was arrested and held at Thorpe Wood for twenty hours by the police.", "Thorpe Wood")]
    [InlineData("I accepted a caution at the Criminal Justice Centre in Northampton.", "Criminal Justice Centre")]
    [InlineData("Sgt Barr from Beaumont Leys lends out seized motors.", "Beaumont Leys")]
    public void Finds_police_stations_and_custody_suites(string text, string expected) =>
        Assert.Contains(expected, Found(text, EntityKinds.Station));

    [Theory]
    [InlineData("Writing from the platform: the officer on the concourse at Manchester Piccadilly station is following her.")]
    [InlineData("I live on Station Parade in Harrogate.")]
    [InlineData("She lives on Helen Street, next to the bakery.")]
    public void Does_not_take_railway_stations_or_streets_for_police_stations(string text) =>
        Assert.Empty(Found(text, EntityKinds.Station));

    [Theory]
    [InlineData("I run a shop on Leek Road in Hanley.", "Leek Road")]
    [InlineData("I run a shop on Leek Road in Hanley.", "Hanley")]
    [InlineData("they're dealing on the Bentilee estate", "Bentilee estate")]
    [InlineData("the raid on birches head rd 2moro", "birches head rd")]
    [InlineData("outside the bookies on Paisley Road West", "Paisley Road West")]
    [InlineData("He drinks in the Foundry Arms most nights.", "Foundry Arms")]
    [InlineData("in the car park behind the Anchor on Lowther Street", "Anchor")]
    [InlineData("stopped on the A38 near Bromsgrove", "A38")]
    [InlineData("a small brokerage on Cornhill, EC3", "EC3")]
    [InlineData("She lives in Galliagh with the kids.", "Galliagh")]
    [InlineData("the cash was handed over in the Asda car park", "Asda")]
    [InlineData("he booked a holiday to Dubai", "Dubai")]
    public void Finds_streets_estates_venues_towns_and_roads(string text, string expected) =>
        Assert.Contains(expected, Found(text, EntityKinds.Place));

    [Theory]
    [InlineData("He drives a dark blue Ford Focus.")]
    [InlineData("Reading the letter again, I am sure.")]
    [InlineData("He's a sergeant in West Yorkshire Police.")]
    [InlineData("DC Pickering took the holdall home.")]
    [InlineData("I told him he'd drive me mad.")]
    public void Does_not_highlight_car_makes_sentence_words_force_names_or_surnames_as_places(string text) =>
        Assert.Empty(Found(text, EntityKinds.Place));
}

public class DateTests
{
    [Theory]
    [InlineData("On 14 February at about 4pm I watched him.", "14 February")]
    [InlineData("On 14 February at about 4pm I watched him.", "about 4pm")]
    [InlineData("and on Friday 28 February it happened again", "Friday 28 February")]
    [InlineData("he's been at it since last summer", "since last summer")]
    [InlineData("they r movin evrythin 2nite 2 a lock up", "2nite")]
    [InlineData("He pulls up most Friday nights about 10.", "most Friday nights")]
    [InlineData("He pulls up most Friday nights about 10.", "about 10")]
    [InlineData("It was last Tuesday, I think.", "last Tuesday")]
    [InlineData("On 4 March 2025, at approximately 02:15, I heard it.", "approximately 02:15")]
    [InlineData("About twenty minutes ago a police car pulled in.", "About twenty minutes ago")]
    [InlineData("the warrant's for half four tomorrow morning", "half four")]
    [InlineData("She rang me crying at 2 in the morning.", "2 in the morning")]
    [InlineData("The last time was nos Wener about 9, and then nothing.", "nos Wener")]
    [InlineData("It has been going on since 2019.", "since 2019")]
    [InlineData("I reported it on 14/02/2025.", "14/02/2025")]
    [InlineData("He lends the cars to his mates at weekends.", "at weekends")]
    [InlineData("This is happening now, on platform 6.", "happening now")]
    [InlineData("He turned up on New Year's Eve at 11pm.", "New Year's Eve")]
    public void Finds_absolute_relative_and_recurring_times(string text, string expected) =>
        // The highlight may take a preposition with it ("at about 4pm"): it must cover the expected words.
        Assert.Contains(Found(text, EntityKinds.Date), d => d.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("Then he left. Later he came back, once, before the others.")]
    [InlineData("You may march into the office if you like.")]
    [InlineData("He took £2,130 from the desk.")]
    public void Leaves_vague_adverbs_verbs_and_money_alone(string text) =>
        Assert.Empty(Found(text, EntityKinds.Date));
}

public class VehicleRegTests
{
    [Theory]
    [InlineData("his own car, a grey Audi A3, registration BV19 RKO", "BV19 RKO")]
    [InlineData("a white van, reg bv19rko, outside", "bv19rko")]
    [InlineData("an old Escort, A123 BCD, on the drive", "A123 BCD")]
    [InlineData("a classic Jag, ABC 123D, in the garage", "ABC 123D")]
    [InlineData("The boy drove off in a white van, KDZ 3918.", "KDZ 3918")]
    [InlineData("a private plate K1 LLA on a Range Rover", "K1 LLA")]
    public void Finds_current_prefix_suffix_northern_ireland_and_dateless_marks(string text, string expected) =>
        Assert.Contains(expected, Found(text, EntityKinds.VehicleReg));

    [Theory]
    [InlineData("He drives a grey Audi A3 AND a van.")]
    [InlineData("DCI 4402 and PS 1840 were there.")]
    [InlineData("We drove up the M6 to junction 19.")]
    public void Does_not_take_models_ranks_or_roads_for_registrations(string text) =>
        Assert.Empty(Found(text, EntityKinds.VehicleReg));
}

public class ContactDetailTests
{
    [Theory]
    [InlineData("You can ring me here on 07700 900552.", "07700 900552")]
    [InlineData("My direct line is 020 7946 0732.", "020 7946 0732")]
    [InlineData("Call +44 7700 900123 any time.", "+44 7700 900123")]
    [InlineData("He texts from 07700900418 late at night.", "07700900418")]
    public void Finds_uk_phone_numbers_including_the_drama_ranges(string text, string expected) =>
        Assert.Contains(expected, Found(text, EntityKinds.Phone));

    [Theory]
    [InlineData("Warrant number 218845, collar 2317, in 2023.")]
    [InlineData("He was paid £2,500 on 14/02/2025.")]
    public void Does_not_take_other_numbers_for_phones(string text) =>
        Assert.Empty(Found(text, EntityKinds.Phone));

    [Fact]
    public void Finds_emails_and_the_handle_is_not_taken_from_inside_an_email()
    {
        var text = "The emails came from o.grange@example.com and r.mensah@example.org.";
        Assert.Equal(["o.grange@example.com", "r.mensah@example.org"], Found(text, EntityKinds.Email));
        Assert.Empty(Found(text, EntityKinds.Handle));
    }

    [Theory]
    [InlineData("messaging her on Instagram from @stu_pell84", "@stu_pell84")]
    [InlineData("he added me on Snapchat (snap: wayne.a.1954)", "snap: wayne.a.1954")]
    [InlineData("for sale on insta @tv_deals_medway for £450", "@tv_deals_medway")]
    [InlineData("his ig: kieran_w_swindon has photos", "ig: kieran_w_swindon")]
    [InlineData("His snap is snap: ben_cnc_sizewell and he sends photos.", "snap: ben_cnc_sizewell")]
    public void Finds_handles_with_an_at_or_a_platform_name(string text, string expected) =>
        Assert.Contains(expected, Found(text, EntityKinds.Handle));

    [Fact]
    public void A_platform_word_alone_is_not_a_handle() =>
        Assert.Empty(Found("His insta is private and his snap is off.", EntityKinds.Handle));
}
