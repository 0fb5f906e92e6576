namespace Nacars.Core.Forces;

/// <summary>
/// The forces the service routes to: the 43 territorial forces of England and Wales, Police Scotland, PSNI,
/// the three national special forces, and "Unknown / to be determined" for reports that do not say.
/// </summary>
public static class ForceDirectory
{
    public static readonly IReadOnlyList<(string Code, string Name)> Entries =
    [
        ("avon-and-somerset", "Avon and Somerset Police"),
        ("bedfordshire", "Bedfordshire Police"),
        ("cambridgeshire", "Cambridgeshire Constabulary"),
        ("cheshire", "Cheshire Constabulary"),
        ("city-of-london", "City of London Police"),
        ("cleveland", "Cleveland Police"),
        ("cumbria", "Cumbria Constabulary"),
        ("derbyshire", "Derbyshire Constabulary"),
        ("devon-and-cornwall", "Devon and Cornwall Police"),
        ("dorset", "Dorset Police"),
        ("durham", "Durham Constabulary"),
        ("dyfed-powys", "Dyfed-Powys Police"),
        ("essex", "Essex Police"),
        ("gloucestershire", "Gloucestershire Constabulary"),
        ("greater-manchester", "Greater Manchester Police"),
        ("gwent", "Gwent Police"),
        ("hampshire", "Hampshire and Isle of Wight Constabulary"),
        ("hertfordshire", "Hertfordshire Constabulary"),
        ("humberside", "Humberside Police"),
        ("kent", "Kent Police"),
        ("lancashire", "Lancashire Constabulary"),
        ("leicestershire", "Leicestershire Police"),
        ("lincolnshire", "Lincolnshire Police"),
        ("merseyside", "Merseyside Police"),
        ("met", "Metropolitan Police Service"),
        ("norfolk", "Norfolk Constabulary"),
        ("north-wales", "North Wales Police"),
        ("north-yorkshire", "North Yorkshire Police"),
        ("northamptonshire", "Northamptonshire Police"),
        ("northumbria", "Northumbria Police"),
        ("nottinghamshire", "Nottinghamshire Police"),
        ("south-wales", "South Wales Police"),
        ("south-yorkshire", "South Yorkshire Police"),
        ("staffordshire", "Staffordshire Police"),
        ("suffolk", "Suffolk Constabulary"),
        ("surrey", "Surrey Police"),
        ("sussex", "Sussex Police"),
        ("thames-valley", "Thames Valley Police"),
        ("warwickshire", "Warwickshire Police"),
        ("west-mercia", "West Mercia Police"),
        ("west-midlands", "West Midlands Police"),
        ("west-yorkshire", "West Yorkshire Police"),
        ("wiltshire", "Wiltshire Police"),
        ("scotland", "Police Scotland"),
        ("psni", "Police Service of Northern Ireland"),
        ("btp", "British Transport Police"),
        ("mod", "Ministry of Defence Police"),
        ("cnc", "Civil Nuclear Constabulary"),
        ("unknown", "Unknown / to be determined"),
    ];

    private static readonly Dictionary<string, string> Names = Entries.ToDictionary(e => e.Code, e => e.Name);

    public static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;

    /// <summary>The directory as new rows. Demo mailboxes use the reserved example.org domain and Ofcom's
    /// drama numbers (01632 960xxx); outside demo mode an admin sets the real ones.</summary>
    public static IEnumerable<Force> Seed(bool withDemoContacts) =>
        Entries.Select((e, i) => e.Code == "unknown" || !withDemoContacts
            ? new Force(e.Code, e.Name, null, null, null)
            : new Force(e.Code, e.Name,
                $"anti-corruption.{e.Code}@example.org",
                $"01632 960{i:000} ({e.Name} ACU duty desk)",
                $"01632 961{i:000} ({e.Name} force control room)"));

    /// <summary>The jurisdiction's complaints body, for signposting personal complaints.</summary>
    public static string ComplaintsBodyFor(string forceCode) => forceCode switch
    {
        "scotland" => "the Police Investigations and Review Commissioner (PIRC)",
        "psni" => "the Police Ombudsman for Northern Ireland",
        _ => "the force's professional standards department or the IOPC",
    };
}
