namespace Nacars.Core.Intake;

public sealed record ValidationProblem(string Field, string Message);
