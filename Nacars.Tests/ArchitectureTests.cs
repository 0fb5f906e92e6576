using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using Nacars.Core.Contacts;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Nacars.Tests;

/// <summary>
/// The layout the code promises (docs/architecture.md), held by the build: the aggregate depends on no stage and on no
/// persistence; the stages (Intake, Triage, Dissemination, Supervision, Retention) never import each other in a circle.
/// </summary>
public class ArchitectureTests
{
    private static readonly Architecture Core = new ArchLoader().LoadAssemblies(typeof(Contact).Assembly).Build();
    private static readonly string[] Stages = ["Intake", "Triage", "Dissemination", "ForceFeedback", "Supervision", "Retention"];

    [Fact]
    public void The_aggregate_depends_on_no_stage_and_no_persistence()
    {
        Types().That().ResideInNamespace("Nacars.Core.Contacts").Should()
            .NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^Nacars\.Core\.(Intake|Triage|Dissemination|ForceFeedback|Supervision|Retention|Data|Audit|Staff|Events)(\..*)?$"))
            .Check(Core);
    }

    [Fact]
    public void No_two_stages_import_each_other_even_through_a_third()
    {
        var edges = new Dictionary<string, HashSet<string>>();
        foreach (var type in Core.Types)
        {
            if (Folder(type.Namespace?.FullName) is not { } from) continue;
            foreach (var dependency in type.Dependencies)
                if (Folder(dependency.Target?.Namespace?.FullName) is { } to && to != from)
                    (edges.TryGetValue(from, out var set) ? set : edges[from] = []).Add(to);
        }
        var cycle = FindCycle(edges);
        Assert.True(cycle is null, $"The stages import each other in a circle: {string.Join(" -> ", cycle ?? [])}. Edges: " +
            string.Join("; ", edges.Select(e => $"{e.Key} -> {string.Join(", ", e.Value.Order())}")));
    }

    /// <summary>The stage a namespace belongs to (Nacars.Core.Assistance is Triage), or null for the rest.</summary>
    private static string? Folder(string? ns) =>
        ns is not null && ns.StartsWith("Nacars.Core.", StringComparison.Ordinal) && ns.Split('.')[2] is var first && Stages.Contains(first) ? first : null;

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> edges)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1) return [.. path.SkipWhile(p => p != next), next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var stage in Stages)
            if (state.GetValueOrDefault(stage) == 0 && Visit(stage) is { } cycle) return cycle;
        return null;
    }
}
