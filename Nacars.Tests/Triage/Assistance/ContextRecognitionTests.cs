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
    // As people write them when no rank comes first, or with letters, words, slashes, pairs or only part of it.
    [InlineData("A Kent officer, Paul Dennehy (5127), based in Margate, keeps turning up at her flat.", "5127")]
    [InlineData("The officer was Femi Adeyemi, 3390, from the station on the high street.", "3390")]
    [InlineData("PC/2284 based in Wrexham is selling drugs from his car.", "2284")]
    [InlineData("p.c 6610 from luton took a statement and binned it", "6610")]
    [InlineData("Police Constable (PC) 4120 Ollerton, stationed in Grantham, has harassed our client.", "4120")]
    [InlineData("A special constable, SC 7731, who volunteers at the station, drinks on duty.", "7731")]
    [InlineData("theres a copper and his collar num wz 3309 i seen it on his shoulder", "3309")]
    [InlineData("A PC at Bootle, no 4418, keeps parking outside her house.", "4418")]
    [InlineData("The copper who booked me in had epaulette number KD 2207 and asked for my number.", "KD 2207")]
    [InlineData("The sergeant in the van had HT514 on his shoulder and laughed at us.", "HT514")]
    [InlineData("The police officer who came had 3342 on his hi-vis and he was drunk.", "3342")]
    [InlineData("a copper from Barnsley, his number is four one one six, I wrote it down", "four one one six")]
    [InlineData("The PC's collar number was three-three-oh-seven, I saw it on his jacket.", "three-three-oh-seven")]
    [InlineData("The officer had shoulder 27-18 and he followed my daughter home.", "27-18")]
    [InlineData("I didn't see it all but the officer's number started with 61, he was tall.", "61")]
    [InlineData("The copper's number ended in 44 and he's called Danny.", "44")]
    [InlineData("Sgt Ray Holt, collar 2511 - sorry, it might be 2151 - has been leaking the addresses.", "2151")]
    // Set apart rather than introduced: between commas, in brackets, after a colon, first in a sentence, in a list.
    [InlineData("The PC who comes when they call, 2684, takes a cut from the guard.", "2684")]
    [InlineData("Reporting PCSO Dawn Kettle [6614] who works the estate beat.", "6614")]
    [InlineData("The officer stopped us twice. I got his number as he drove off: 3378.", "3378")]
    [InlineData("His shoulder number, as written on the incident log, was 1645.", "1645")]
    [InlineData("Two coppers from the town centre, 2207 and 2270, take cash off the door staff.", "2270")]
    [InlineData("Officers [3318] & [3381] both took turns searching him.", "3381")]
    [InlineData("PCs 4102, 4120 and 4012 all went to the same flat.", "4012")]
    [InlineData("Officer 5190WD stopped my brother at the station.", "5190WD")]
    [InlineData("Sgt Will March, 2231, took the money off the door staff.", "2231")]
    [InlineData("he sent pics of himself in uniform with his collar showing 4417 and asked her out", "4417")]
    [InlineData("i saw his shoulder number on a pic she showed me its 7731, he picks her up in his own car", "7731")]
    [InlineData("The police man in Peterborough, he have number nr 2054 on uniform and name Wayne.", "2054")]
    [InlineData("The officer, whose number is CN6203, has been taking fuel from the site.", "CN6203")]
    [InlineData("DS Simon Kettering, whose shoulder number I believe to be 5093, has been leaking.", "5093")]
    [InlineData("3 feds searching a rider, one of them 455HT on his shoulder pulled a roll of notes out", "455HT")]
    [InlineData("The copper with the shaved head, collar was 2764 i think (or 2746?), let him off.", "2746")]
    [InlineData("The police officer took my phone. On his jacket written 5207, name on badge Tasker.", "5207")]
    [InlineData("A PC called Jo Pryce (I think 2716) keeps tipping off the hotel owner.", "2716")]
    [InlineData("Tall lad, beard. The number on him was 6630, I seen it when he grabbed me.", "6630")]
    [InlineData("2291 is the one you want. Sits in the custody suite and tells them what's coming.", "2291")]
    [InlineData("The old bill in Luton, one of them anyway, 5512, that's the one, goes round the shops.", "5512")]
    [InlineData("He had his lanyard on, police staff number 4479, and he was reading the files.", "4479")]
    public void Officer_numbers_are_read_from_the_words_around_them(string text, string number) =>
        Assert.Contains(Found(text, EntityKinds.OfficerNumber), n => n.Contains(number, StringComparison.Ordinal));

    [Theory]
    [InlineData("My badge number is 0417 if you need to check I am a real driver, my crime reference number 20231 is on the letter.")]
    [InlineData("He lives at number 12 and drives a van.")]
    public void Numbers_that_are_the_reporters_or_a_house_are_not_officers(string text) =>
        Assert.DoesNotContain(Found(text, EntityKinds.OfficerNumber), n => n.Contains("20231", StringComparison.Ordinal) || n.Contains("12", StringComparison.Ordinal));

    [Theory]
    [InlineData("P.S. 10 years ago the same officer did this to my cousin.", "10")]
    [InlineData("The parking warden who covers the market wears badge CEO 118 and the police officer laughed.", "118")]
    [InlineData("The officer was rude, 999 should never treat anyone like that.", "999")]
    [InlineData("The police officer's number of complaints started in 2019 and ended in 2021.", "2019")]
    [InlineData("There are a number of officers, and it started with 12 of them drinking.", "12")]
    [InlineData("The officer took £1,500 from the till, and £2,000 the week after.", "500")]
    [InlineData("The officer was on shift: 1930-2045, Saturday, at the station.", "2045")]
    [InlineData("The CAD number when I rang the police was 1123 on 2nd May.", "1123")]
    [InlineData("Our client knew DC Tennant between June 2023 and March 2025.", "2023")]
    [InlineData("The store detective (badge 3390, not police) and the officer argued.", "3390")]
    [InlineData("A prison officer at the jail, officer number 4471 on his ID, brings spice in; the police know.", "4471")]
    [InlineData("I drive private hire and my badge number is 0417 if you need to check; the officer stopped me.", "0417")]
    public void Other_numbers_near_officers_are_not_their_numbers(string text, string number) =>
        Assert.DoesNotContain(Found(text, EntityKinds.OfficerNumber), n => n.Contains(number, StringComparison.Ordinal));

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

    [Fact]
    public void A_common_road_that_is_also_a_scottish_police_office_needs_its_town_after_a_plain_at() =>
        Assert.DoesNotContain("London Road", Found("Posh season ticket holder, block E at London Road. PC 809 from Thorpe Wood sells tickets.", EntityKinds.Station));

    [Theory]
    [InlineData("at slough police station a PC called Aaron Gill took my statement and binned it", "slough police station")]
    [InlineData("my mates brother got took to hanley nick and the custody sergeant kept his phone", "hanley nick")]
    public void Lower_case_towns_before_police_words_are_stations(string text, string station) =>
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
