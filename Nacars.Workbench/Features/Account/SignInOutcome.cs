namespace Nacars.Workbench.Features.Account;

public enum SignInOutcome { SignedIn, NeedsSecondFactor, MustEnrol, MustSetPassword, LockedOut, Failed }
