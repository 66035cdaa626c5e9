/**
 * Particles (and common chains of them) that follow a Korean noun without a
 * space: 북한은, 북한과는. A Korean alias followed by other syllables is part
 * of another word (북한산, the mountain) and is not a mention. The list
 * travels with the compiled matcher from the background, not in the content
 * script that every page loads.
 */
export const KOREAN_PARTICLES: readonly string[] = (
  '은 는 이 가 을 를 의 에 에서 에게 에겐 께 와 과 도 만 로 으로 까지 부터 보다 처럼 이나 나 이며 며 이다 이라는 라는 ' +
  '에는 에서는 에서도 에도 와의 과의 로의 으로의 으로는 로는 으로서 로서 에게는 만의 도의 이란 란 측 측은 측이 측의 측에 ' +
  '과는 와는 과도 와도 으로부터 로부터 에서의 에서부터 에게서 한테 에선 엔 이라고 라고 조차 마저 뿐 만이 보다도 ' +
  '이었다 였다 이지만 이든 으로선 로선 이고 입니다 하고 이랑 랑 에서만 에게도 까지도 보다는 만을 으로서는 로서는 뿐만 같이 이라며 라며 ' +
  '이라도 라도 이자 이었고 였고 이었던 였던 으로만 로만 에서와 이라서 라서 만큼 만큼은 이라면 라면 이면서 이니까 ' +
  '이기 이기도 이기에 인지 인데 인데도 인가 임을 임에도 이어서 여서 이야말로 야말로 이므로 이었지만 였지만 ' +
  '에서조차 에서처럼 으로도 로도 까지는 까지의 부터는 밖에 한테서'
).split(' ');
