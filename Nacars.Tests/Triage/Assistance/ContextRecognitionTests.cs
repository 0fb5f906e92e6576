using Nacars.Core.Assistance;
using static Nacars.Tests.Triage.Assistance.AssistTestKit;

namespace Nacars.Tests.Triage.Assistance;

/// <summary>Issue 27: details read from the words around them, as people write them, not only in the shapes the
/// development set used.</summary>
public class ContextRecognitionTests
{
    [Theory]
    [InlineData("his name is pc rhys bevan number 1126 and he sells info", "1126")]
    [InlineData("A detective at Newport Central, DS Mark Jeffreys, collar 1509, is taking cash.", "1509")]
    [InlineData("Sgt Lee Harland (1290) has been drinking on duty.", "1290")]
    [InlineData("The officer, collar 5583, called them names.", "5583")]
    [InlineData("he said his name is PC Hopkins, collar 3871 or maybe 3817 I am not sure", "3817")]
    [InlineData("dean marsh the copper 4418 is sellin info 2 the lads", "4418")]
    [InlineData("PC McGuire, shoulder nae 1120, he wis the wan grabbed me", "1120")]
    [InlineData("A police officer stop me in my car on Southtown Road on 17 June at 2 in the morning after my shift, he say I smell alcohol but I drink nothing. He say 'we can forget this' and he touch my leg. I say no and drive away and he follow me until Gorleston. His number was 1733, I see on his shoulder.", "1733")]
    [InlineData("The woman who came to the door showed a warrant card with 40215 on it and said she was CID.", "40215")]
    [InlineData("The PC's shoulder number starts 31 but I couldn't read the rest of it.", "31")]
    [InlineData("The officer in the van had an epaulette that looked like 2290 in the photo.", "2290")]
    public void Officer_numbers_are_read_from_the_words_around_them(string text, string number) =>
        Assert.Contains(Found(text, EntityKinds.OfficerNumber), n => n.Contains(number, StringComparison.Ordinal));

    [Theory]
    [InlineData("My badge number is 0417 if you need to check I am a real driver, my crime reference number 20231 is on the letter.")]
    [InlineData("He lives at number 12 and drives a van.")]
    public void Numbers_that_are_the_reporters_or_a_house_are_not_officers(string text) =>
        Assert.DoesNotContain(Found(text, EntityKinds.OfficerNumber), n => n.Contains("20231", StringComparison.Ordinal) || n.Contains("12", StringComparison.Ordinal));

    [Fact]
    public void The_reporters_own_badge_number_is_not_an_officers() =>
        Assert.Empty(Found("My badge number is 0417, I drive a taxi in Leeds and a police officer stopped me twice last week.", EntityKinds.OfficerNumber));

    [Theory]
    [InlineData("a copper from southend police station pc dan whitmore stopped me", "dan whitmore")]
    [InlineData("my mums boyfriend is a copper at erdington hes called marc dunne", "marc dunne")]
    [InlineData("theres this copper pc stokoe from byker nick", "stokoe")]
    public void Lower_case_names_after_a_rank_or_called_are_officers(string text, string name) =>
        Assert.Contains(name, Found(text, EntityKinds.OfficerName));

    [Theory]
    [InlineData("pc 6235 who works out of queens road in peckham comes in", "queens road")]
    [InlineData("When I was in the cells at Stewart Street the machine was broken.", "Stewart Street")]
    [InlineData("PC Rhys Powell, 4417, from Swansea Central has been telling the boys.", "Swansea Central")]
    [InlineData("Everyone calls him Stevo, he works outta the cop shop on Manor Road in Wallasey.", "the cop shop on Manor Road")]
    // After the officer's name ("DS Ellen Marr of Castle Street"), a town's central station, a force's headquarters, a
    // Scottish police office by a part of it, a lower-case station after an officer, a night held in the cells, and a
    // station that is also a town elsewhere, settled by the town after it.
    [InlineData("Last spring DS Ellen Marr of Castle Street was given my case and never rang me.", "Castle Street")]
    [InlineData("PC Owen Treharne from Manvers Street drinks in the pub every Friday on duty.", "Manvers Street")]
    [InlineData("The detective, DC Rory Bain fae London Road, was laughing with him outside the court.", "London Road")]
    [InlineData("My landlord is a serving officer, PC Tom Ashby, Bolton Central. He kept my deposit.", "Bolton Central")]
    [InlineData("the lad says hes a copper called deano from blackpool central and he wants her to meet him", "blackpool central")]
    [InlineData("A civilian at Police HQ in Chelmsford is looking people up for her brother.", "Police HQ")]
    [InlineData("Ah wis kept in London Road cells aw night wi nae water.", "London Road cells")]
    [InlineData("a peeler at strand road keeps lifting wee lads for nothing", "strand road")]
    [InlineData("I was held overnight at St Leonard's and they took my phone.", "St Leonard's")]
    [InlineData("Constable Iain Dow, based at St Leonard's in Edinburgh, tipped off the garage.", "St Leonard's")]
    public void Stations_are_read_from_the_words_before_them(string text, string station) =>
        Assert.Contains(Found(text, EntityKinds.Station), s => s.Contains(station, StringComparison.Ordinal));

    [Theory]
    [InlineData("The post office on Castle Street is where PC Jones met him.")]
    [InlineData("The transport police officer on the platform at Cardiff Central station took her ticket.")]
    [InlineData("Sgt Rowe drove to Bolton Central station to catch the train.")]
    public void Streets_and_railway_stations_are_not_read_as_police_stations(string text) =>
        Assert.DoesNotContain(Found(text, EntityKinds.Station), s => s.Contains("Castle Street", StringComparison.Ordinal) || s.Contains("Central", StringComparison.Ordinal));

    [Fact]
    public void A_bus_station_is_not_a_police_station() =>
        Assert.Empty(Found("I had a seizure in the bus station in Newport and an officer took my phone.", EntityKinds.Station));

    [Theory]
    [InlineData("his snap is stokes_r90 and he adds girls", "stokes_r90")]
    [InlineData("posted by newport_pcso_banter with the caption", "newport_pcso_banter")]
    [InlineData("she got a snap add from kyle.r3318 saying wot a nice pic", "kyle.r3318")]
    [InlineData("in the lobby heard it my gamertag is smogbear and i recorded it", "smogbear")]
    [InlineData("He sells the parts through a Facebook Marketplace profile called Dave K from Hull.", "Dave K")]
    [InlineData("The photos went up on the account 'Brum Parts Direct' the next day.", "Brum Parts Direct")]
    [InlineData("we play most nights and hes in the server as m1ttens", "m1ttens")]
    [InlineData("He is selling the bikes under the name LeedsLadsBikes on the app.", "LeedsLadsBikes")]
    public void Usernames_are_handles_where_they_stand(string text, string handle) =>
        Assert.Contains(Found(text, EntityKinds.Handle), h => h.Contains(handle, StringComparison.Ordinal));

    [Fact]
    public void A_chat_groups_name_is_not_an_accounts() =>
        Assert.Empty(Found("There is a WhatsApp group called 'Night Shift Boys' where the officers share the photos.", EntityKinds.Handle));

    [Fact]
    public void A_web_address_is_not_a_username() =>
        Assert.Empty(Found("The page was on example.com and the file was photo.jpg.", EntityKinds.Handle));

    [Theory]
    [InlineData("i got arrested in blackpool on the 22nd for nothing", "the 22nd")]
    [InlineData("Ma wee brother got lifted on the 9th o March", "the 9th o March")]
    [InlineData("please ring me before 10 tonight", "before 10")]
    [InlineData("He's been messaging her for weeks on Snapchat.", "for weeks")]
    [InlineData("and later that night texted her from his own phone", "later that night")]
    public void Dates_are_read_as_people_say_them(string text, string date) =>
        Assert.Contains(Found(text, EntityKinds.Date), d => d.Contains(date, StringComparison.Ordinal));

    [Fact]
    public void A_house_number_after_at_is_not_a_time() =>
        Assert.DoesNotContain(Found("The lads at 52 Harehills Lane are dealing.", EntityKinds.Date), d => d.Contains("52", StringComparison.Ordinal));
}
