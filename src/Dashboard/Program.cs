using IotService.Dashboard;

var app = HubApplication.Build(args);
app.Run();
