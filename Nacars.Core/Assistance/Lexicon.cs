namespace Nacars.Core.Assistance;

/// <summary>The small word lists the recognisers share. Folded (lower case, no apostrophes) like <see cref="Token.Folded"/>.</summary>
internal static class Lexicon
{
    private static HashSet<string> Set(string words) =>
        new(words.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>Words that say a police officer or the police are being talked about, formal or slang.</summary>
    public static readonly HashSet<string> PoliceWords = Set(@"
        police policeman policemen policewoman policewomen officer officers pc pcs ps dc ds di dci dcs dsi sgt sergeant sargent sarge
        constable constables inspector insp supt superintendent detective detectives copper coppers cop cops polis peeler peelers
        plod feds fed bizzy bizzies busy busies pig pigs filth pcso pcsos warrant collar shoulder uniform uniformed custody nick
        cid heddwas heddlu bobby bobbies met response patrol bluebottle rozzers rozzer coppa coppaz constabulary ");

    /// <summary>Ranks written before a name or number.</summary>
    public static readonly HashSet<string> RankWords = Set(@"
        pc ps dc ds di dci dcs dsi sgt sergeant sargent insp inspector constable supt superintendent detective pcso det
        officer commander chief sc acc dcc ch ");

    /// <summary>Roles that look like police but are not: the person is someone else's staff.</summary>
    public static readonly string[] NonPoliceRoles =
    [
        "housing officer", "prison officer", "prison", "screw", "screws", "border force", "security guard", "security guards",
        "parking warden", "parking wardens", "traffic warden", "civil enforcement", "enforcement officer", "cctv operator",
        "council", "bailiff", "bailiffs", "immigration officer", "customs officer", "probation officer", "bouncer", "door staff",
        "ticket inspector", "revenue protection", "store detective", "private security", "warden", "wardens",
    ];

    /// <summary>Common British first names and the short forms people use for officers.</summary>
    public static readonly HashSet<string> FirstNames = Set(@"
        aaron abdul abigail adam adrian aidan aiden alan alana alastair albert alex alexander alexandra alfie ali alice alison
        alistair amanda amber amelia amir amy andrea andrew andy angela angus ann anna anne annie anthony antony archie arthur
        ashley aysha barbara barry becky ben benjamin beth bethan bethany bev beverley bill billy blake bob bobby brad bradley
        brandon brendan brian bruce bryn callum calum cameron carl carla carol caroline carys catherine charlie charlotte chelsea
        chloe chris christian christine christopher ciara ciaran claire clare colin colm conor connor craig dai daisy dale damian
        damien dan dane daniel danielle danny darren dave david dawn dean debbie deborah declan dee denise dennis derek dermot
        des diane dominic don donna doug douglas duncan dylan ed eddie edward eileen eleanor elizabeth ella ellie emily emma
        eoin eric erin ethan eve ewan faye fergus finn fiona frances francis frank fraser freddie gail gareth garry gary gavin
        gemma geoff geoffrey george georgia gerard gethin gillian glen glenn gordon grace graeme graham grant greg gregor gregory
        gwen gwyn hannah harriet harry harvey hayley heather helen henry hollie holly hugh huw iain ian idris imogen isaac isobel
        jack jackie jacob jade jake james jamie jan jane janet jason jay jayne jean jeff jenna jennifer jenny jeremy jess jessica
        jim jimmy jo joanna joanne jodie joe joel john johnny jon jonathan jordan joseph josh joshua julia julie justin kai karen
        karl kate katherine kathryn katie kay kayleigh keith kelly ken kenneth kerry kevin kieran kim kirsty kyle lara laura
        lauren leah lee leigh leon lewis liam lindsay linda lisa liz lloyd logan lorna lorraine louis louise lucy luke lyndsey
        mandy marc marcus margaret maria marie mark martin mary matt matthew maureen max megan melanie michael michelle mick mike
        mohammed mohammad muhammad molly morgan nadia natalie natasha nathan neil niall nicholas nick nicky nicola nigel noel
        oliver olivia oscar owain owen paddy pat patrick paul paula pete peter phil philip phillip rachel rebecca reece rhian
        rhodri rhys richard rick ricky rob robbie robert robin rory ross ruth ryan sadie sally sam samantha samuel sandra sarah
        scott sean seamus shane shannon sharon shaun sian simon siobhan sophie stacey stephanie stephen steve steven stewart
        stuart sue susan tara terry theo thomas tim timothy tina toby tom tommy toni tony tracey tracy trevor tyler vicky victoria
        vince wayne wendy will william zach zoe
        ");

    /// <summary>Nicknames British people use for men and women they know by sight; alone, a name-like token.</summary>
    public static readonly HashSet<string> Nicknames = Set(@"
        gaz gazza daz dazza baz bazza kev kevvy stu robbo jonno tommo davo smudge smithy macca jacko dicko gav gaz gazzer
        mick micky mikey jonesy jonno deano dino tash tasha bex becks jez jezza chaz chazza del ste stevie shaz shazza ");

    /// <summary>Short forms of first names, so "Matt" is recognised as the "Matthew" already named.</summary>
    public static readonly Dictionary<string, string[]> ShortForms = new(StringComparer.Ordinal)
    {
        ["matthew"] = ["matt", "matty"], ["stuart"] = ["stu"], ["stewart"] = ["stu"], ["james"] = ["jamie", "jim", "jimmy", "jimbo"],
        ["thomas"] = ["tom", "tommy", "tommo"], ["gareth"] = ["gaz", "gazza"], ["gary"] = ["gaz", "gazza"],
        ["natasha"] = ["tash", "tasha"], ["robert"] = ["rob", "robbie", "robbo", "bob", "bobby"], ["kevin"] = ["kev"],
        ["michael"] = ["mike", "mick", "micky", "mikey"], ["christopher"] = ["chris"], ["daniel"] = ["dan", "danny"],
        ["david"] = ["dave", "davo", "dai"], ["anthony"] = ["tony", "ant"], ["stephen"] = ["steve", "stevie", "ste"],
        ["steven"] = ["steve", "stevie", "ste"], ["richard"] = ["rich", "rick", "ricky", "dick"], ["william"] = ["will", "bill", "billy"],
        ["benjamin"] = ["ben"], ["jonathan"] = ["jon", "jonno"], ["andrew"] = ["andy", "drew"], ["nicholas"] = ["nick", "nicky"],
        ["darren"] = ["daz", "dazza"], ["barry"] = ["baz", "bazza"], ["samuel"] = ["sam"], ["joseph"] = ["joe"],
        ["edward"] = ["ed", "eddie", "ted"], ["alexander"] = ["alex"], ["rebecca"] = ["becky", "bex"], ["elizabeth"] = ["liz", "beth"],
        ["jennifer"] = ["jen", "jenny"], ["katherine"] = ["kate", "katie"], ["catherine"] = ["cath", "kate"], ["victoria"] = ["vicky"],
        ["samantha"] = ["sam"], ["jessica"] = ["jess"], ["gavin"] = ["gav"], ["jeremy"] = ["jez"], ["charles"] = ["charlie", "chaz"],
        ["patrick"] = ["paddy", "pat"], ["philip"] = ["phil"], ["peter"] = ["pete"], ["timothy"] = ["tim"], ["gregory"] = ["greg"],
        ["lee"] = [], ["jamie"] = [], ["derek"] = ["del"], ["kenneth"] = ["ken"], ["nathan"] = ["nate"], ["joshua"] = ["josh"],
    };

    /// <summary>Street-type words: "Leek Road", "Bewley Drive", "birches head rd".</summary>
    public static readonly HashSet<string> StreetSuffixes = Set(@"
        road rd street st lane ln avenue ave drive dr way close crescent cres place terrace grove gardens square row walk
        parade court mews broadway boulevard circus wynd brae loan vennel causeway quay wharf embankment esplanade promenade
        hill green view rise gate gardens approach bank chase croft fold garth hey lea meadow meadows park passage path
        precinct side sidings strand yard ");

    /// <summary>Street suffixes strong enough to make a street from one lower-case word ("town rd").</summary>
    public static readonly HashSet<string> StrongStreetSuffixes = Set("road rd street lane avenue ave crescent terrace");

    /// <summary>Words after which a capitalised word is a venue rather than a sentence's noun.</summary>
    public static readonly HashSet<string> VenueSuffixes = Set(@"
        arms tavern inn hotel centre center pub bar club hall shopping retail garage stadium market markets leisure gym
        cafe café takeaway chippy pharmacy surgery hospital school academy college university library precinct mall arcade
        social lounge bistro restaurant casino bingo ");

    /// <summary>Function words and everyday words that never start or fill a lower-case place name.</summary>
    public static readonly HashSet<string> Stop = Set(@"
        a an the and or but if of to in on at by for from with into onto off out up down over under near round around about
        this that these those my his her their our your its i me he she we they you him them us it is was were be been being
        are am has have had do does did not no yes so then than too very just also only even still again ever never same other
        main busy wrong right long back side one two three four five six seven eight nine ten first last next new old big little
        whole every each some any all most much more less few many own such what which who whom whose where when why how
        local private country ring slip open dirt far end top bottom middle across along past behind beside between towards
        toward via outside inside opposite raid up car van bus train his hers theirs police copper coppers hed shed theyd id ive im
        youd wed hes shes theyre were youre its thats whats theres lets dont didnt cant wont isnt wasnt
        ");

    /// <summary>Capitalised words that are never places (apps, organisations, words people capitalise).</summary>
    public static readonly HashSet<string> NotPlaces = Set(@"
        i im ive id ill instagram facebook tiktok snapchat whatsapp twitter telegram hinge tinder bumble grindr signal youtube
        marketplace google apple iphone android amazon ebay vinted gumtree uber bolt police constabulary council government
        crown army navy raf nhs cid pnc dvla iopc ipcc pirc ombudsman crimestoppers nacars god jesus christmas easter ramadan
        eid diwali monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
        september october november december mr mrs ms miss dr sir madam mum dad nan gran the a an and my his her their our
        this that pc ps dc ds di dci sgt insp pcso euros ulez
        ");

    /// <summary>Occupations and personal roles that, said of the reporter ("I'm a cashier"), narrow down who they are.</summary>
    public static readonly HashSet<string> Occupations = Set(@"
        cashier manager driver solicitor lawyer barrister nurse doctor gp paramedic carer teacher cleaner receptionist
        barman barmaid bartender waiter waitress chef cook porter doorman bouncer landlord landlady owner shopkeeper pharmacist
        mechanic electrician plumber builder joiner labourer scaffolder roofer plasterer decorator painter gardener postman
        postwoman courier investigator analyst clerk accountant director supervisor volunteer student lecturer worker officer
        pcso constable sergeant detective inspector firefighter fireman soldier councillor social worker journalist reporter
        vicar priest imam taxi cabbie hairdresser barber beautician tattooist midwife dentist vet optician engineer technician
        developer programmer consultant administrator secretary assistant apprentice trainee intern caretaker warden guard
        operator controller dispatcher handler coach instructor trainer steward stewardess pilot nanny childminder
        lodger tenant neighbour mum mother dad father parent pensioner widow widower grandmother grandfather nan grandad
        head compliance partner pc dc ds di ps sgt dci pcso special specials sc
        ");

    /// <summary>Family and social relations: "my partner's ex", "my sister's husband".</summary>
    public static readonly HashSet<string> Relations = Set(@"
        partner ex husband wife boyfriend girlfriend fiance fiancee neighbour neighbours sister brother mum mom mother dad
        father son daughter cousin nan nana gran granny grandma grandad grandpa grandmother grandfather uncle aunt auntie
        niece nephew stepdad stepmum stepson stepdaughter landlord landlady lodger flatmate housemate colleague boss manager
        friend mate pal bestie missus wifey hubby fella kids kid child children baby family sister-in-law brother-in-law
        in-law inlaws son-in-law daughter-in-law mother-in-law father-in-law sisters brothers
        ");

    public static readonly HashSet<string> Months = Set(@"
        january february march april may june july august september october november december jan feb mar apr jun jul aug sep
        sept oct nov dec ");

    public static readonly HashSet<string> Weekdays = Set(@"
        monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs fri sat sun ");

    public static bool IsPoliceWord(string folded) => PoliceWords.Contains(folded);
}
