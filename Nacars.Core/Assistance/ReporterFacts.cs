using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>Facts about the person speaking that narrow who they are: their age or school year, nationality, faith or
/// community, immigration status, health or disability, and their own crime or case reference.</summary>
internal static partial class ReporterFacts
{
    private const string IAm = @"(?:I'?m|I\s+am|im|am|I\s+was|we\s+are|we'?re)\s+";

    [GeneratedRegex(@"\b" + IAm + @"(?:only\s+|just\s+|nearly\s+|almost\s+)?\d{1,2}(?:\s*(?:years?\s+old|yrs?\s+old|yo|y/o))?\b|\bI(?:'ve|\s+have)\s+just\s+turned\s+\d{1,2}\b|\b" + IAm + @"in\s+(?:year|yr)\s+\d{1,2}\b|\b" + IAm + @"(?:a\s+)?(?:pensioner|teenager|minor|schoolgirl|schoolboy|sixth\s+former)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex Age();

    /// <summary>What after "I'm 20" makes it not an age: "I'm 20 minutes away", "I'm 5 miles off", "I was 10:30".</summary>
    [GeneratedRegex(@"^\s*(?:mins?|minutes|hours?|hrs?|%|pm|am|miles?|times|quid|pounds|p\b|:|\.\d|mph|metres|yards|feet|ft|m\b)", RegexOptions.IgnoreCase)]
    internal static partial Regex NotAnAge();

    [GeneratedRegex(@"\b" + IAm + @"(?:an?\s+|the\s+only\s+)?(?:polish|romanian|portuguese|lithuanian|latvian|bulgarian|slovak|czech|hungarian|ukrainian|russian|albanian|turkish|kurdish|somali|eritrean|ethiopian|sudanese|nigerian|ghanaian|zimbabwean|congolese|syrian|afghan|iraqi|iranian|pakistani|indian|bangladeshi|sri\s+lankan|nepali|chinese|vietnamese|filipino|filipina|brazilian|colombian|spanish|italian|french|german|jamaican|muslim|sikh|hindu|jewish|traveller|gypsy|roma|romany|black|asian|mixed\s+race|gay|lesbian|bisexual|trans|non-binary|deaf|blind|disabled|housebound|diabetic|epileptic|pregnant|autistic|partially\s+sighted|wheelchair\s+user|refugee|asylum\s+seeker)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex WhoIAm();

    [GeneratedRegex(@"\b(?:my|I\s+have|I'?ve\s+got|I\s+got|I'?m\s+on|I\s+am\s+on|I\s+have\s+got|waiting\s+for\s+my)\s+(?:a\s+|an\s+)?(?:pre-settled|settled|refugee|leave\s+to\s+remain|indefinite\s+leave|visa|asylum|brp|work\s+permit|spouse\s+visa|student\s+visa|immigration)\b[^.!?\n,]{0,25}|\bmy\s+(?:visa|asylum\s+claim|asylum\s+case|home\s+office\s+case|immigration\s+status|status)\b[^.!?\n,]{0,25}", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex MyStatus();

    [GeneratedRegex(@"\bI\s+(?:use|am\s+in|'m\s+in)\s+a\s+wheelchair\b|\bI\s+(?:have|'ve\s+got|got|suffer\s+(?:from|with))\s+(?:MS|cancer|epilepsy|diabetes|autism|ADHD|PTSD|dementia|a\s+hearing\s+impairment|a\s+learning\s+disability|a\s+heart\s+condition|COPD|sickle\s+cell|HIV|bipolar|schizophrenia|a\s+stoma|a\s+brain\s+injury|one\s+leg|one\s+arm)\b|\bmy\s+(?:wheelchair|hearing\s+aids?|guide\s+dog|insulin|dialysis|chemo|transplant|seizures|carer|support\s+worker|key\s+worker|social\s+worker|probation\s+officer|care\s+home)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex MyHealth();

    [GeneratedRegex(@"\bmy\s+(?:crime|incident|case|log|police|CAD|occurrence|reference|ref)\s*(?:ref(?:erence)?|number|no\.?|#)?\s*(?:is|was|:)?\s*[A-Z0-9][A-Z0-9/-]{3,}|\bmy\s+(?:school|college|uni|university|class|form|halls|year\s+group|sixth\s+form|academy)\b[^.!?\n,]{0,30}", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex MyReferenceOrSchool();
}
