using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Audit;
using Nacars.Core.Data;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Features.Account;

public enum SignInOutcome { SignedIn, NeedsSecondFactor, MustEnrol, MustSetPassword, LockedOut, Failed }
