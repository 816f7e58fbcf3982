using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Matching;

internal static class DispatchValidation
{
    public static void Validate(Technician? technician)
    {
        ArgumentNullException.ThrowIfNull(technician);
        if (string.IsNullOrEmpty(technician.Id))
        {
            throw new ArgumentException("A technician has no id.", nameof(technician));
        }

        if (!technician.Location.IsValid)
        {
            throw new ArgumentException($"Technician '{technician.Id}' has an invalid location.", nameof(technician));
        }

        if (technician.Skills is null)
        {
            throw new ArgumentException($"Technician '{technician.Id}' has no skills map.", nameof(technician));
        }
    }

    public static void Validate(DispatchOrder? order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (string.IsNullOrEmpty(order.Id))
        {
            throw new ArgumentException("An order has no id.", nameof(order));
        }

        if (!order.Location.IsValid)
        {
            throw new ArgumentException($"Order '{order.Id}' has an invalid location.", nameof(order));
        }

        if (string.IsNullOrEmpty(order.Skill))
        {
            throw new ArgumentException($"Order '{order.Id}' names no skill.", nameof(order));
        }
    }
}
