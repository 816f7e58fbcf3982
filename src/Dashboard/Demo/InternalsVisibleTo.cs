using System.Runtime.CompilerServices;

// The simulator's per-device connection is internal; its tests drive it against a real broker.
[assembly: InternalsVisibleTo("IotService.Dashboard.Tests")]
