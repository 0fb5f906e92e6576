namespace Nacars.Core.Assistance;

/// <summary>One clause of an account as the learned reporter check reads it: its stretch of text, its tokens, and
/// where a flag on it would start (at its first first-person word, so "PC Dan Whitmore stopped me on the seafront"
/// flags "me on the seafront" and leaves the officer's name to the force).</summary>
public readonly record struct ReporterClause(int Start, int End, int FirstToken, int LastToken, int FlagStart);
