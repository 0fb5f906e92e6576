// Shared test infrastructure (hosts, browser, SMTP server, waiting) is used by every stage's tests.
global using Nacars.Tests.Infrastructure;
