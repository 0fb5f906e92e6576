using Nacars.Core.ForceFeedback;

namespace Nacars.Workbench.Features.ForceFeedback;

/// <summary>What the outcome form gives the page to record.</summary>
public sealed record OutcomeInput(OutcomeKind Kind, string? Note, DateOnly ToldOn);
