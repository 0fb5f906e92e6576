using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>Car makes, models and vehicle words, used to tell a registration or a reporter's car.</summary>
internal static partial class VehicleWords
{
    [GeneratedRegex(@"\b(?:car|cars|van|vans|motor|vehicle|drives|drove|driving|parked|truck|lorry|pickup|pick-up|jeep|4x4|suv|hatchback|saloon|estate\s+car|motorbike|bike|scooter|moped|taxi|cab|audi|bmw|merc|mercedes|ford|vauxhall|volkswagen|vw|golf|polo|corsa|astra|fiesta|focus|kuga|ranger|transit|toyota|hilux|yaris|nissan|qashqai|honda|civic|kia|hyundai|skoda|octavia|fabia|seat|leon|ibiza|peugeot|citroen|renault|clio|fiat|mini|range\s+rover|land\s+rover|evoque|jaguar|volvo|tesla|mazda|suzuki|mitsubishi|lexus|porsche|subaru|dacia|sandero|a-class|c-class|1\s+series|3\s+series|x5|a3|a4|transporter|sprinter)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    public static partial Regex Vehicle();

    /// <summary>A vehicle word within about ten words before, or a few after, the position.</summary>
    public static bool NearVehicle(string text, int position)
    {
        var from = Math.Max(0, position - 70);
        var to = Math.Min(text.Length, position + 30);
        return Vehicle().IsMatch(text.AsSpan(from, to - from));
    }
}
