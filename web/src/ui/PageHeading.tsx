// The page's <h1>: names the document (its <title>) and, after an in-app navigation, takes
// the keyboard focus so screen-reader users hear where they arrived and Tab starts there.
import { Title, type TitleProps } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface PageHeadingProps extends Omit<TitleProps, 'order'> {
  /** The document title; defaults to the heading's text when it is a string. */
  documentTitle?: string;
}

let firstPageShown = false;

export function PageHeading({ documentTitle, children, ...props }: PageHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const title = documentTitle ?? (typeof children === 'string' ? children : undefined);

  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    // The first page of a visit keeps the browser's own focus (the login field, the top of
    // the document); later pages move focus to their heading.
    if (!firstPageShown) {
      firstPageShown = true;
      return;
    }
    ref.current?.focus();
  }, [pathname]);

  return (
    <Title order={1} ref={ref} tabIndex={-1} style={{ outlineOffset: 4 }} {...props}>
      {children}
    </Title>
  );
}
