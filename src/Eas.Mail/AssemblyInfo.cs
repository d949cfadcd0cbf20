using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Eas.Mail.Tests")]
