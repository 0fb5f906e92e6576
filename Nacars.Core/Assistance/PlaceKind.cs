namespace Nacars.Core.Assistance;

/// <summary>What a gazetteer row names; it decides how the name is highlighted and how much it says about the force.</summary>
public enum PlaceKind
{
    /// <summary>A ceremonial or historic county, or a Scottish/Northern Irish region.</summary>
    County,
    /// <summary>A local authority district, council area or borough.</summary>
    District,
    Town,
    /// <summary>A suburb, neighbourhood or village.</summary>
    Area,
    /// <summary>A police station or custody suite known by a name of its own (Trafalgar House, Helen Street).</summary>
    Station,
    /// <summary>A railway or underground station: British Transport Police's ground.</summary>
    Rail,
    /// <summary>A defence site policed by the Ministry of Defence Police.</summary>
    Defence,
    /// <summary>A civil nuclear site policed by the Civil Nuclear Constabulary.</summary>
    Nuclear,
    /// <summary>A postcode area or district (EC3, BN1).</summary>
    Postcode,
    /// <summary>A well-known venue (shopping centre, stadium) tied to one force.</summary>
    Venue,
    /// <summary>Somewhere outside the UK: highlighted, no force.</summary>
    Abroad,
}
