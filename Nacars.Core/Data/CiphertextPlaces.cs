using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Nacars.Core.Data;

/// <summary>
/// Before each column had a purpose of its own, every encrypted value shared one. This re-encrypts each such value
/// under its column's purpose, once (a marker in <c>ProtectedSecrets</c> records it), before anything reads them. The
/// columns are found in the model (<see cref="PlaceBoundConverter{TModel, TProvider}"/>), so a column added later is
/// covered without a list to keep. A value that decrypts under neither is left as it is: reading it says where it is.
/// </summary>
internal static class CiphertextPlaces
{
    private const string Marker = "ciphertext-bound-to-columns";

    public static Task<int> BindAsync(NacarsDbContext db, SensitiveData sensitive, CancellationToken ct) => RawColumns.OnConnectionAsync(db, async connection =>
    {
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT COUNT(*) FROM \"ProtectedSecrets\" WHERE \"Name\" = @name";
            RawColumns.Add(check, "@name", Marker);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0) return 0;
        }
        var moved = 0;
        foreach (var (table, keys, column, place) in Columns(db.Model))
        {
            var own = sensitive.For(place);
            moved += await RawColumns.RewriteAsync(connection, table, keys, column, value => Rebind(value, sensitive.SharedProtector, own), ct);
        }
        db.ProtectedSecrets.Add(new ProtectedSecret { Name = Marker, Value = "v2" });
        await db.SaveChangesAsync(ct);
        return moved;
    }, ct);

    /// <summary>Every encrypted column bound to a place: its table, the table's key columns, the column, the place.</summary>
    public static IEnumerable<(string Table, string[] Keys, string Column, string Place)> Columns(IModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table || entity.FindPrimaryKey() is not { } key) continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            string[] keys = [.. key.Properties.Select(p => p.GetColumnName(store)!)];
            foreach (var property in entity.GetProperties().Concat(entity.GetComplexProperties().SelectMany(ComplexProperties)))
                if (property.GetValueConverter() is IPlaceBound bound && property.GetColumnName(store) is { } column)
                    yield return (table, keys, column, bound.Place);
        }
    }

    private static IEnumerable<IProperty> ComplexProperties(IComplexProperty complex) =>
        complex.ComplexType.GetProperties().Concat(complex.ComplexType.GetComplexProperties().SelectMany(ComplexProperties));

    /// <summary>The value under its column's purpose, or null when it is already there (or is under neither).</summary>
    private static object? Rebind(object value, IDataProtector shared, IDataProtector own)
    {
        try
        {
            if (value is string text)
            {
                if (Decrypts(() => own.Unprotect(text))) return null;
                return own.Protect(shared.Unprotect(text));
            }
            if (value is byte[] bytes)
            {
                if (Decrypts(() => own.Unprotect(bytes))) return null;
                return own.Protect(shared.Unprotect(bytes));
            }
        }
        catch (CryptographicException) { /* under neither purpose: left for the reader to report */ }
        return null;
    }

    private static bool Decrypts(Action unprotect)
    {
        try { unprotect(); return true; }
        catch (CryptographicException) { return false; }
    }
}
