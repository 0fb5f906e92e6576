namespace Nacars.Core.Assistance;

/// <summary>The identifier kinds two contacts about the same officer can share.</summary>
public static class RelatedKinds
{
    /// <summary>Collar/shoulder/warrant digits with the force: "2317|staffordshire".</summary>
    public const string Collar = "collar";
    /// <summary>Vehicle registration, upper case without spaces: "BV19RKO".</summary>
    public const string Vrm = "vrm";
    /// <summary>Phone number in E.164: "+447700900552".</summary>
    public const string Phone = "phone";
    /// <summary>Email address in lower case.</summary>
    public const string Email = "email";
    /// <summary>Social media handle in lower case without @ or platform: "tv_deals_medway".</summary>
    public const string Handle = "handle";
    /// <summary>Surname (upper case) with the station's name: "CAIRNS|helen street".</summary>
    public const string SurnameStation = "surname-station";
    /// <summary>Surname (upper case) with the force code: "PELL|met".</summary>
    public const string SurnameForce = "surname-force";
    /// <summary>First name (short forms folded to the full name) and surname with the force: "STUART PELL|met".</summary>
    public const string NameForce = "name-force";
    /// <summary>First name (upper case) with the station's name: weak alone, it adds to other evidence.</summary>
    public const string FirstNameStation = "firstname-station";
}
