using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nacars.Core.Data;

/// <summary>An encrypting converter that knows the column it encrypts for, so <see cref="CiphertextPlaces"/> can find
/// every encrypted column in the model rather than in a list kept by hand.</summary>
internal sealed class PlaceBoundConverter<TModel, TProvider>(string place, Expression<Func<TModel, TProvider>> toProvider, Expression<Func<TProvider, TModel>> fromProvider)
    : ValueConverter<TModel, TProvider>(toProvider, fromProvider), IPlaceBound
{
    public string Place { get; } = place;
}
