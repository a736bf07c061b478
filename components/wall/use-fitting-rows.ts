"use client";
// How many of a list's rows fit in its box without scrolling: the wall shows what fits and says how many more there
// are. Measured after layout (and again when the screen changes size), since row heights follow the viewport.
import { useLayoutEffect, useState, type RefObject } from "react";

export function useFittingRows(container: RefObject<HTMLElement | null>, rowCount: number): number {
  const [fitting, setFitting] = useState(rowCount);
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => {
      const bottom = element.getBoundingClientRect().bottom;
      let count = 0;
      for (const child of element.children) {
        if (child.getBoundingClientRect().bottom > bottom + 0.5) break;
        count++;
      }
      setFitting(count);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, rowCount]);
  return fitting;
}
