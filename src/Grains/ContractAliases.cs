// The alarm change and its audiences moved to Contracts with the notifier that takes them (issue 15). These aliases keep
// the alarm files that name them without a using (DeviceRules, DeviceAlarms.Clock, rewritten on another branch) compiling
// untouched; remove them once those files import IotService.Contracts.Alarms.
global using AlarmChange = IotService.Contracts.Alarms.AlarmChange;
global using NotifyAudience = IotService.Contracts.Alarms.NotifyAudience;
