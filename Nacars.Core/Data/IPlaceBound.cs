namespace Nacars.Core.Data;

/// <summary>A converter bound to one column's purpose.</summary>
internal interface IPlaceBound
{
    string Place { get; }
}
