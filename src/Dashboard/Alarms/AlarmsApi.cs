using System.Security.Claims;
using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Ingest.Directory;
using IotService.Storage.Catalogs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IotService.Dashboard.Alarms;

/// <summary>
/// <c>/api/alarms</c>: the alarm list (from the alarm catalog, newest first) and the people's steps of the
/// lifecycle. Steps go to the device grain that owns the alarm, which refuses illegal ones.
/// </summary>
public static class AlarmsApi
{
    public static IEndpointRouteBuilder MapAlarmsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alarms").WithTags("Alarms").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/ack", (string id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] AlarmStepRequest? request, ClaimsPrincipal user, IAlarmCatalog catalog, IGrainFactory grains, DeviceDirectory directory) =>
            StepAsync(id, user, catalog, directory, alarm => grains.GetGrain<IDeviceGrain>(alarm.DeviceId).AcknowledgeAlarmAsync(id, user.Actor(), AlarmStepRequest.NoteOf(request))))
            .RequireAuthorization(Policies.FieldStaff);
        group.MapPost("/{id}/clear", (string id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] AlarmStepRequest? request, ClaimsPrincipal user, IAlarmCatalog catalog, IGrainFactory grains, DeviceDirectory directory) =>
            StepAsync(id, user, catalog, directory, alarm => grains.GetGrain<IDeviceGrain>(alarm.DeviceId).ClearAlarmAsync(id, user.Actor(), AlarmStepRequest.NoteOf(request))))
            .RequireAuthorization(Policies.FieldStaff);
        return app;
    }

    private static async Task<Ok<ListResponse<AlarmRecord>>> ListAsync(
        ClaimsPrincipal user, IAlarmCatalog catalog, DeviceDirectory directory,
        string? state, string? severity, string? deviceId, string? customerId, int? limit, string? cursor, CancellationToken ct)
    {
        var scope = user.CustomerScope();
        if (scope is not null && customerId is not null && customerId != scope)
        {
            return TypedResults.Ok(new ListResponse<AlarmRecord>([], null));
        }

        var query = new AlarmQuery(
            PageQuery.EnumList<AlarmState>(state, "state"),
            PageQuery.EnumList<Severity>(severity, "severity"),
            deviceId,
            scope ?? customerId,
            PageQuery.Limit(limit),
            cursor);
        var page = await catalog.ListAsync(query, ct);
        var items = scope is null ? page.Items : page.Items.Select(alarm => AlarmVisibility.ForCustomer(alarm, directory)).ToList();
        return TypedResults.Ok(new ListResponse<AlarmRecord>(items, page.NextCursor));
    }

    private static async Task<Results<Ok<AlarmRecord>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IAlarmCatalog catalog, DeviceDirectory directory, CancellationToken ct)
    {
        var alarm = await catalog.GetAsync(id, ct);
        if (alarm is null || !user.MaySee(alarm.CustomerId))
        {
            return ApiProblems.NotFound("alarm", id);
        }

        return TypedResults.Ok(user.CustomerScope() is null ? alarm : AlarmVisibility.ForCustomer(alarm, directory));
    }

    private static async Task<Results<Ok<AlarmRecord>, ProblemHttpResult>> StepAsync(
        string id, ClaimsPrincipal user, IAlarmCatalog catalog, DeviceDirectory directory, Func<AlarmRecord, Task<AlarmCommandResult>> step)
    {
        var alarm = await catalog.GetAsync(id);
        if (alarm is null || !user.MaySee(alarm.CustomerId))
        {
            return ApiProblems.NotFound("alarm", id);
        }

        if (alarm.State == AlarmState.Cleared)
        {
            return ApiProblems.Conflict($"Alarm '{id}' is already cleared.");
        }

        var result = await step(alarm);
        return result.Outcome switch
        {
            AlarmCommandOutcome.Done => TypedResults.Ok(result.Alarm!),
            AlarmCommandOutcome.Conflict => ApiProblems.Conflict(result.Error ?? $"Alarm '{id}' cannot take that step."),
            // The row said open but the device has no such open alarm: it was cleared a moment ago.
            _ => ApiProblems.Conflict(result.Error ?? $"Alarm '{id}' is no longer open."),
        };
    }
}
