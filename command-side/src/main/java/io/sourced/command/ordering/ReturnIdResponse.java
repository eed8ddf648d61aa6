package io.sourced.command.ordering;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnId;

record ReturnIdResponse(OrderId orderId, ReturnId returnId) {}
