"use client";

import { useCallback, useEffect, useState } from "react";

/** How close to the bottom (px) still counts as "at the latest". */
const NEAR_END = 120;

const distanceToEnd = () => window.document.documentElement.scrollHeight - window.scrollY - window.innerHeight;

const scrollToEnd = () => window.scrollTo({ top: window.document.documentElement.scrollHeight });

/**
 * The page follows a streaming answer while the reader is at the end; scrolling up stops that
 * (and `atEnd` turns false, for a "jump to latest" button) until they come back or jump.
 * A saved conversation opens at its end.
 */
export function useFollowLatest({
  streaming,
  contentKey,
  openAtEnd,
}: {
  streaming: boolean;
  /** Changes whenever the conversation grows. */
  contentKey: string;
  openAtEnd: boolean;
}) {
  const [following, setFollowing] = useState(true);
  const [atEnd, setAtEnd] = useState(true);

  useEffect(() => {
    const onScroll = () => {
      const near = distanceToEnd() < NEAR_END;
      setAtEnd(near);
      setFollowing(near);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, []);

  useEffect(() => {
    if (!openAtEnd) return;
    // After the router's own scroll-to-top on navigation.
    const frame = requestAnimationFrame(scrollToEnd);
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the conversation opens
  }, []);

  useEffect(() => {
    if (streaming && following) scrollToEnd();
    // Growth below the fold while not following: the reader is no longer at the end.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- measured from the DOM after it grew
    else setAtEnd(distanceToEnd() < NEAR_END);
  }, [streaming, following, contentKey]);

  const follow = useCallback(() => {
    setFollowing(true);
    setAtEnd(true);
    scrollToEnd();
  }, []);

  return { atEnd, follow };
}
