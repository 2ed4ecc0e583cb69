"""The admission lanes: heavy operations share a narrow lane, cheap ones are not held up."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack

from graph_service.api.guard.admission import COLD_PLACES, Admission

# Long enough that a place freed while an operation waits reaches it; no test waits it out
# but those of refusals, with a short one.
SHORT = 0.05


async def waits_then_enters(lanes: Admission, cost: int, holding: AsyncExitStack) -> bool:
    """An operation that finds no place waits for one: freed while it waits, it enters."""
    stack = AsyncExitStack()
    waiter = asyncio.create_task(lanes.enter(cost, stack))
    await asyncio.sleep(0)  # one turn of the loop: the waiter is waiting for a place now
    assert not waiter.done()
    await holding.aclose()
    entered = await waiter
    await stack.aclose()
    return entered


def test_heavy_operations_past_their_lane_are_refused_while_light_ones_enter() -> None:
    async def scenario() -> None:
        lanes = Admission(most=3, heavy=1, heavy_cost=100, wait=SHORT)
        async with AsyncExitStack() as holding:
            assert await lanes.enter(500, holding)
            assert lanes.running_heavy == 1
            async with AsyncExitStack() as second:
                assert not await lanes.enter(500, second)
            async with AsyncExitStack() as light:
                assert await lanes.enter(50, light)
                async with AsyncExitStack() as other:
                    assert await lanes.enter(100, other)  # at the threshold: light
                    assert (lanes.running, lanes.running_heavy) == (3, 1)
                    async with AsyncExitStack() as full:
                        assert not await lanes.enter(1, full)  # all three places taken
        # Released on leaving: a heavy one enters again with no wait.
        assert (lanes.running, lanes.running_heavy) == (0, 0)
        lanes.wait = 0.0
        async with AsyncExitStack() as again:
            assert await lanes.enter(500, again)

    asyncio.run(scenario())


def test_an_operation_waits_a_moment_for_a_place_before_it_is_refused() -> None:
    async def scenario() -> None:
        lanes = Admission(most=3, heavy=1, heavy_cost=100)
        holding = AsyncExitStack()
        assert await lanes.enter(500, holding)
        assert await waits_then_enters(lanes, 500, holding)

    asyncio.run(scenario())


def test_a_refused_heavy_operation_gives_back_the_place_it_took_in_the_wide_lane() -> None:
    async def scenario() -> None:
        lanes = Admission(most=2, heavy=1, heavy_cost=10, wait=SHORT)
        async with AsyncExitStack() as holding:
            assert await lanes.enter(50, holding)
            async with AsyncExitStack() as refused:
                assert not await lanes.enter(50, refused)
            # Had the refused one kept its place in the wide lane, this would wait and fail.
            async with AsyncExitStack() as light:
                assert await lanes.enter(1, light)

    asyncio.run(scenario())


def test_one_client_holds_at_most_its_share_and_others_still_enter() -> None:
    async def scenario() -> None:
        lanes = Admission(most=4, heavy=1, heavy_cost=100, per_client=2, wait=SHORT)
        async with AsyncExitStack() as busy:
            assert await lanes.enter(1, busy, "10.0.0.1")
            assert await lanes.enter(1, busy, "10.0.0.1")
            assert lanes.crowded("10.0.0.1")
            async with AsyncExitStack() as third:
                assert not await lanes.enter(1, third, "10.0.0.1")
            # Its waiting third took no shared place: another client finds both left.
            async with AsyncExitStack() as other:
                assert await lanes.enter(1, other, "10.0.0.2")
                assert await lanes.enter(1, other, "10.0.0.2")
                assert not lanes.crowded("10.0.0.3")
                assert lanes.clients == 2
        # Every place given back, and no client is remembered once it has none.
        assert lanes.clients == 0
        assert lanes.running == 0
        lanes.wait = 0.0
        async with AsyncExitStack() as again:
            assert await lanes.enter(1, again, "10.0.0.1")

    asyncio.run(scenario())


def test_a_share_is_never_wider_than_the_whole_lane() -> None:
    assert Admission(most=8, heavy=1, heavy_cost=10, per_client=100).per_client == 8
    assert Admission(most=8, heavy=1, heavy_cost=10).per_client == 8


def test_while_throttled_only_the_cold_places_are_taken_and_after_it_all_are() -> None:
    async def scenario() -> None:
        lanes = Admission(most=8, heavy=2, heavy_cost=100, wait=SHORT)
        lanes.throttle(30)
        assert lanes.throttled
        async with AsyncExitStack() as holding:
            for _ in range(COLD_PLACES):
                assert await lanes.enter(1, holding)
            async with AsyncExitStack() as refused:
                assert not await lanes.enter(1, refused)
        lanes.throttle(0)
        assert not lanes.throttled
        async with AsyncExitStack() as holding:
            for _ in range(COLD_PLACES + 3):
                assert await lanes.enter(1, holding)

    asyncio.run(scenario())
