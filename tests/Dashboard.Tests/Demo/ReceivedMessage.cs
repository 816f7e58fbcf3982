using MQTTnet.Protocol;

namespace IotService.Dashboard.Tests.Demo;

internal sealed record ReceivedMessage(string ClientId, string Topic, string Payload, MqttQualityOfServiceLevel Qos);
